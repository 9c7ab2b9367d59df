package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.Translation;
import dragoman.mt.TranslationInfo;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.FileInputs;
import dragoman.pipeline.OutputRouter;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = {
      "Batch German-to-English translation of files, folders or stdin.",
      "Writes JSONL records {id, doc, start, end, de, en, mt: {model, logprob, parts}} or one"
          + " English sentence a line.",
      "Translators' files (XLIFF 1.2/2, TMX, HTML, DOCX, ODT, PO, Markdown) come back in their"
          + " own format with English targets, inline codes in place (--format is for text)."
    })
final class TranslateCommand implements Callable<Integer> {
  enum Format {
    jsonl,
    txt
  }

  /**
   * Sentences handed to the translator at once: enough for full token-budget batches (and for
   * several batch workers), small enough that memory does not grow with the document.
   */
  static final int CHUNK = 2048;

  @Mixin InputOptions input;

  @Mixin GenerationFlags generation;

  @Option(
      names = "--format",
      description = "jsonl or txt (one English sentence a line).",
      defaultValue = "jsonl")
  Format format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "PATH",
      description = "Write to this file (one input) or folder (several); default standard output.")
  Path out;

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    FileInputs.Split split;
    try {
      split = input.split();
    } catch (IllegalArgumentException e) {
      err.println("dragoman translate: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    InputCollector.Collected inputs = split.text();
    boolean many = inputs.sources().size() + split.files().size() > 1;
    GenerationOptions options;
    try {
      options = generation.options();
    } catch (IllegalArgumentException e) {
      err.println("dragoman translate: " + e.getMessage());
      return 2;
    }
    boolean terminal = Terminal.stderrIsTerminal();
    Translator translator;
    try {
      translator =
          MarianTranslator.open(ModelResolver.standard(err, terminal), generation.model, options);
    } catch (ModelException e) {
      err.println("dragoman translate: " + e.oneLine());
      return 1;
    }
    try (translator;
        ProgressBar bar = terminal ? progressBar() : null) {
      OutputRouter router = new OutputRouter(out, many, "." + format.name(), System.out);
      DocumentBatch batch = new DocumentBatch(new DocumentReader(Language.GERMAN), err, "dragoman");
      long[] total = {0};
      DocumentBatch.Outcome outcome =
          batch.run(
              inputs,
              (source, doc) -> {
                List<Segment> segments = doc.document().segments();
                total[0] += segments.size();
                if (bar != null) {
                  bar.maxHint(total[0]);
                }
                // Translated and written a chunk at a time: a 50 MB document never holds all its
                // translations (nor all its token ids) at once, and runs under -Xmx1g.
                router.write(
                    source.docId(),
                    os -> {
                      JsonlWriter w = format == Format.jsonl ? new JsonlWriter(os) : null;
                      for (int from = 0; from < segments.size(); from += CHUNK) {
                        List<Segment> chunk =
                            segments.subList(from, Math.min(segments.size(), from + CHUNK));
                        List<Translation> english =
                            translate(translator, source.displayName(), chunk);
                        for (int i = 0; i < chunk.size(); i++) {
                          Translation t = english.get(i);
                          if (w != null) {
                            w.write(
                                SegmentRecord.of(chunk.get(i))
                                    .withEnglish(
                                        t.text(), TranslationInfo.of(t, translator.modelName())));
                          } else {
                            os.write((t.text() + "\n").getBytes(StandardCharsets.UTF_8));
                          }
                        }
                        if (bar != null) {
                          bar.stepBy(chunk.size());
                        }
                      }
                      if (w != null) {
                        w.close();
                      }
                    });
              });
      // Translators' files come back in their own format, codes in place, targets filled.
      DocumentBatch.Outcome files =
          FileInputs.run(
              split.files(),
              err,
              "dragoman translate",
              (source, fileFormat, doc) -> {
                List<String> german = doc.toTranslate();
                total[0] += german.size();
                if (bar != null) {
                  bar.maxHint(total[0]);
                }
                List<Translation> english =
                    german.isEmpty()
                        ? List.of()
                        : translateTexts(translator, source.displayName(), german);
                doc.fill(english, translator.modelName());
                if (bar != null) {
                  bar.stepBy(german.size());
                }
                new OutputRouter(
                        out, many, "." + FileInputs.extensionOf(source, fileFormat), System.out)
                    .write(source.docId(), doc::write);
              });
      return outcome.failed() + files.failed() == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
  }

  /** A failure inside the model becomes this document's one-line error; the batch goes on. */
  private static List<Translation> translate(
      Translator translator, String name, List<Segment> segments) throws IOException {
    return translateTexts(translator, name, segments.stream().map(Segment::text).toList());
  }

  private static List<Translation> translateTexts(
      Translator translator, String name, List<String> texts) throws IOException {
    try {
      return translator.translate(texts);
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("translation failed: " + m.lines().findFirst().orElse(""), e);
    }
  }

  private static ProgressBar progressBar() {
    return new ProgressBarBuilder()
        .setTaskName("translate")
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" sentences", 1)
        .setInitialMax(0)
        .continuousUpdate()
        .build();
  }
}
