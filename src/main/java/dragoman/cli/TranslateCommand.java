package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.Translation;
import dragoman.mt.TranslationInfo;
import dragoman.mt.Translator;
import dragoman.pipeline.DocumentBatch;
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
          + " English sentence a line."
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

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    InputCollector.Collected inputs = input.collect();
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
      translator = ModelResolver.standard(err, terminal).open(generation.model, options);
    } catch (ModelException e) {
      err.println("dragoman translate: " + e.oneLine());
      return 1;
    }
    try (translator;
        ProgressBar bar = terminal ? progressBar() : null) {
      OutputRouter router =
          new OutputRouter(out, inputs.sources().size() > 1, "." + format.name(), System.out);
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
                List<Translation> english = translate(translator, source.displayName(), segments);
                if (bar != null) {
                  bar.stepBy(segments.size());
                }
                router.write(
                    source.docId(),
                    os -> {
                      if (format == Format.jsonl) {
                        JsonlWriter w = new JsonlWriter(os);
                        for (int i = 0; i < segments.size(); i++) {
                          Translation t = english.get(i);
                          w.write(
                              SegmentRecord.of(segments.get(i))
                                  .withEnglish(
                                      t.text(), TranslationInfo.of(t, translator.modelName())));
                        }
                        w.close();
                      } else {
                        for (Translation t : english) {
                          os.write((t.text() + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                      }
                    });
              });
      return outcome.exitCode();
    }
  }

  /** A failure inside the model becomes this document's one-line error; the batch goes on. */
  private static List<Translation> translate(
      Translator translator, String name, List<Segment> segments) throws IOException {
    try {
      return translator.translate(segments.stream().map(Segment::text).toList());
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
