package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.TranslationInfo;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import dragoman.pipeline.ChunkedTranslation;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.ExitCode;
import dragoman.pipeline.OutputRouter;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.Language;
import dragoman.text.Segment;
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

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    InputCollector.Collected inputs = input.collect();
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
      OutputRouter router =
          new OutputRouter(out, inputs.sources().size() > 1, "." + format.name(), System.out);
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
      return outcome.exitCode();
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
