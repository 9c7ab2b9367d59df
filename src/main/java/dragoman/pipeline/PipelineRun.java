package dragoman.pipeline;

import dragoman.export.ExportDocument;
import dragoman.export.ExportFormat;
import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.export.SegmentRecordReader;
import dragoman.formats.FileFormat;
import dragoman.io.AtomicFile;
import dragoman.io.Sha256;
import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.InputSource;
import dragoman.text.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * {@code dragoman run}: every document through the stages, in parallel up to {@code --jobs}, then
 * {@code OUT/<doc>.jsonl}, {@code .tmx}, {@code .xlf} (XLIFF 1.2 or 2.1) per document and {@code
 * OUT/index.html} over all of them; a translator's file (XLIFF, TMX, HTML, DOCX, ...) also comes
 * back in its own format as {@code OUT/<doc>.en.<ext>}, targets filled. Each file is written
 * atomically; a document's manifest ({@link RunManifest}) is written after its outputs, so {@code
 * --resume} can trust it. A bad input is reported in one line and the others go on.
 */
public final class PipelineRun {
  /** Suffix of an English counterpart: {@code NAME.en.txt} next to {@code NAME.txt}. */
  public static final String COUNTERPART_SUFFIX = ".en.txt";

  public static final String VIEWER = "index.html";
  public static final String TITLE = "Dragoman review";

  /** How one document went. */
  public enum Status {
    DONE,
    RESUMED,
    FAILED
  }

  /**
   * One row of the summary table.
   *
   * @param flagged null when the document was not reviewed
   */
  public record Outcome(
      String doc,
      Status status,
      int segments,
      Integer flagged,
      int translated,
      Duration time,
      String error) {}

  /**
   * All documents' outcomes, the problems with inputs that never became documents, and the run's
   * wall-clock time.
   */
  public record Summary(List<Outcome> outcomes, List<String> problems, Duration wall) {
    public int failed() {
      return problems.size()
          + (int) outcomes.stream().filter(o -> o.status() == Status.FAILED).count();
    }

    public int exitCode() {
      return ExitCode.forFailures(failed()).code();
    }
  }

  private record Done(ExportDocument doc, Outcome outcome) {}

  private final RunOptions options;
  private final Stages stages;
  private final PrintStream err;
  private final DocumentProcessor processor;
  private final FileOptions files;
  private final String fingerprint;

  public PipelineRun(RunOptions options, Stages stages, PrintStream err) {
    this(options, stages, err, FileOptions.DEFAULTS);
  }

  public PipelineRun(RunOptions options, Stages stages, PrintStream err, FileOptions files) {
    this.options = options;
    this.stages = stages;
    this.err = err;
    this.processor = new DocumentProcessor(stages);
    this.files = files;
    this.fingerprint = RunFingerprint.of(options, stages, files);
  }

  public Summary run() throws IOException {
    long t0 = System.nanoTime();
    for (String notice : stages.notices()) {
      err.println("dragoman run: " + notice);
    }
    InputCollector.Collected collected =
        new InputCollector(FileInputs.includes(options.includes(), files.inputFormat()))
            .collect(inputs());
    List<String> problems = new ArrayList<>();
    for (BadInputException p : collected.problems()) {
      problems.add(p.oneLine());
      err.println("dragoman run: " + p.oneLine());
    }
    List<InputSource> sources = documents(collected.sources(), problems);
    Files.createDirectories(options.out());
    removeStaleParts(options.out());
    List<String> notices = new ArrayList<>(stages.notices());
    if (stages.alignmentNotice() != null
        && sources.stream().anyMatch(s -> counterpartOf(s) != null)) {
      notices.add(stages.alignmentNotice());
      err.println("dragoman run: " + stages.alignmentNotice());
    }

    List<Done> done = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
    try (ProgressBar bar = progressBar(sources.size())) {
      List<Future<Done>> futures = new ArrayList<>();
      for (InputSource source : sources) {
        futures.add(
            pool.submit(
                () -> {
                  Done d = runOne(source);
                  if (bar != null) {
                    bar.step();
                  }
                  return d;
                }));
      }
      for (Future<Done> f : futures) {
        done.add(join(f));
      }
    } finally {
      pool.shutdownNow();
    }

    List<ExportDocument> viewed = new ArrayList<>();
    for (Done d : done) {
      if (d.outcome().status() == Status.FAILED) {
        err.println("dragoman run: " + d.outcome().error());
      } else {
        viewed.add(d.doc());
      }
    }
    AtomicFile.write(
        options.out().resolve(VIEWER), os -> ExportFormat.html.write(viewed, TITLE, notices, os));
    return new Summary(done.stream().map(Done::outcome).toList(), problems, since(t0));
  }

  /**
   * Removes the temporary files ({@code .NAME.*.part}, see {@link AtomicFile}) that a killed run
   * left behind; they were never moved into place, so no output depends on them.
   */
  static void removeStaleParts(Path out) throws IOException {
    List<Path> stale;
    try (Stream<Path> files = Files.walk(out)) {
      stale =
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(".") && n.endsWith(".part");
                  })
              .toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
  }

  /** With no inputs named, nothing; the CLI requires at least one. */
  private List<String> inputs() {
    return options.inputs();
  }

  /**
   * The documents to process: counterparts ({@code *.en.txt}) are not documents; two inputs with
   * the same document id would overwrite each other's outputs, so the second is refused.
   */
  private static List<InputSource> documents(List<InputSource> found, List<String> problems) {
    List<InputSource> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (InputSource s : found) {
      if (!s.isStdin() && s.path().getFileName().toString().endsWith(COUNTERPART_SUFFIX)) {
        continue;
      }
      if (!ids.add(s.docId())) {
        problems.add(
            s.displayName()
                + ": another input has the same name ("
                + s.docId()
                + "); rename one or run them separately");
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /** {@code dir/NAME.en.txt} for {@code dir/NAME.txt}, when that file exists. */
  static Path counterpartOf(InputSource source) {
    if (source.isStdin()) {
      return null;
    }
    String name = source.path().getFileName().toString();
    if (!name.endsWith(".txt")) {
      return null;
    }
    Path c =
        source
            .path()
            .resolveSibling(
                name.substring(0, name.length() - ".txt".length()) + COUNTERPART_SUFFIX);
    return Files.isRegularFile(c) ? c : null;
  }

  private Done runOne(InputSource source) {
    long t0 = System.nanoTime();
    String id = source.docId();
    try {
      byte[] bytes;
      try {
        bytes = source.readBytes(DocumentReader.DEFAULT_MAX_BYTES);
      } catch (IOException e) {
        throw BadInputException.cannotRead(source.displayName(), e);
      }
      Path cpath = counterpartOf(source);
      byte[] cbytes;
      try {
        cbytes = cpath == null ? null : Files.readAllBytes(cpath);
      } catch (IOException e) {
        throw BadInputException.cannotRead(cpath.toString(), e);
      }
      String inputHash = Sha256.of(bytes);
      String counterpartHash = cbytes == null ? null : Sha256.of(cbytes);
      Path manifestFile = RunManifest.path(options.out(), id);
      if (options.resume()) {
        var previous = RunManifest.read(manifestFile);
        if (previous.isPresent()
            && previous.get().matches(inputHash, counterpartHash, fingerprint, options.out())) {
          RunManifest m = previous.get();
          List<SegmentRecord> records =
              new SegmentRecordReader().read(options.out().resolve(id + ".jsonl"));
          ExportDocument doc = new ExportDocument(id, id, records);
          return new Done(
              doc,
              new Outcome(
                  id, Status.RESUMED, m.segments(), m.flagged(), m.translated(), since(t0), null));
        }
      }
      Optional<FileFormat> format = FileInputs.formatOf(source, bytes, files.inputFormat());
      ExportDocument doc;
      Map<String, String> outputs;
      if (format.isPresent()) {
        DocumentProcessor.FileResult r = processor.processFile(source, format.get(), bytes);
        doc = r.doc();
        outputs = writeOutputs(doc);
        write(
            id + ".en." + FileInputs.extensionOf(source, format.get()),
            os -> os.write(r.file()),
            outputs);
      } else {
        DocumentReader.Result german = new DocumentReader(Language.GERMAN).read(source, bytes);
        german.notice().ifPresent(n -> err.println("dragoman run: notice: " + n));
        DocumentProcessor.Counterpart counterpart =
            cbytes == null ? null : new DocumentProcessor.Counterpart(cpath.toString(), cbytes);
        doc = processor.process(source, german, counterpart);
        outputs = writeOutputs(doc);
      }
      int segments = doc.records().size();
      Integer flagged =
          stages.review().isPresent()
              ? (int)
                  doc.records().stream()
                      .filter(r -> r.review() != null && r.review().flag())
                      .count()
              : null;
      int translated = (int) doc.records().stream().filter(r -> r.mt() != null).count();
      new RunManifest(
              RunManifest.VERSION,
              id,
              inputHash,
              counterpartHash,
              fingerprint,
              outputs,
              segments,
              flagged,
              translated)
          .write(manifestFile);
      return new Done(
          doc, new Outcome(id, Status.DONE, segments, flagged, translated, since(t0), null));
    } catch (BadInputException e) {
      return failed(id, e.oneLine(), t0);
    } catch (IOException e) {
      return failed(id, source.displayName() + ": " + e.getMessage(), t0);
    } catch (RuntimeException e) {
      return failed(id, source.displayName() + ": " + e, t0);
    }
  }

  /** Writes the per-document files and returns each one's name and SHA-256. */
  private Map<String, String> writeOutputs(ExportDocument doc) throws IOException {
    Map<String, String> hashes = new LinkedHashMap<>();
    String id = doc.id();
    write(
        id + ".jsonl",
        os -> {
          JsonlWriter w = new JsonlWriter(os);
          for (SegmentRecord r : doc.records()) {
            w.write(r);
          }
          w.close();
        },
        hashes);
    write(
        id + ExportFormat.tmx.extension(),
        os -> ExportFormat.tmx.write(List.of(doc), TITLE, List.of(), os),
        hashes);
    write(
        id + files.xliff().extension(),
        os -> files.xliff().write(List.of(doc), TITLE, List.of(), os),
        hashes);
    return hashes;
  }

  private void write(String name, AtomicFile.Writer writer, Map<String, String> hashes)
      throws IOException {
    Path target = options.out().resolve(name);
    AtomicFile.write(target, writer);
    hashes.put(name, Sha256.of(target));
  }

  private static Done failed(String id, String message, long t0) {
    return new Done(null, new Outcome(id, Status.FAILED, 0, null, 0, since(t0), message));
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private ProgressBar progressBar(int total) {
    if (!options.progress() || total == 0) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("dragoman run")
        .setInitialMax(total)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .setUnit(" docs", 1)
        .build();
  }

  private static Done join(Future<Done> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }
}
