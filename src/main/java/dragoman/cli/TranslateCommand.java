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
import dragoman.pipeline.ChunkedTranslation;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.ExitCode;
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

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    FileInputs.Split split;
    try {
      split = input.split();
    } catch (IllegalArgumentException e) {
      err.println("dragoman translate: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    InputCollector.Collected inputs = split.text();
    boolean many = inputs.sources().size() + split.files().size() > 1;
    GenerationOptions options;
    try {
      options = generation.options();
    } catch (IllegalArgumentException e) {
      err.println("dragoman translate: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    boolean terminal = Terminal.stderrIsTerminal();
    Translator translator;
    try {
      translator =
          MarianTranslator.open(ModelResolver.standard(err, terminal), generation.model, options);
    } catch (ModelException e) {
      err.println("dragoman translate: " + e.oneLine());
      return ExitCode.SOME_FAILED.code();
    }
    try (translator;
        ProgressBar bar = terminal ? progressBar() : null) {
      OutputRouter router = new OutputRouter(out, many, "." + format.name(), System.out);
      DocumentBatch batch = new DocumentBatch(new DocumentReader(Language.GERMAN), err, "dragoman");
      ChunkedTranslation chunked = new ChunkedTranslation(translator);
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
                router.write(
                    source.docId(),
                    os -> {
                      JsonlWriter w = format == Format.jsonl ? new JsonlWriter(os) : null;
                      chunked.translate(
                          segments,
                          (segment, t) -> {
                            if (w != null) {
                              w.write(
                                  SegmentRecord.of(segment)
                                      .withEnglish(
                                          t.text(), TranslationInfo.of(t, translator.modelName())));
                            } else {
                              os.write((t.text() + "\n").getBytes(StandardCharsets.UTF_8));
                            }
                          },
                          n -> {
                            if (bar != null) {
                              bar.stepBy(n);
                            }
                          });
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
      return ExitCode.forFailures(outcome.failed() + files.failed()).code();
    }
  }

  /** A failure inside the model becomes this file's one-line error; the batch goes on. */
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
