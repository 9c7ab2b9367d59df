package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.formats.FileFormat;
import dragoman.mt.ModelException;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.ExitCode;
import dragoman.pipeline.FileInputs;
import dragoman.pipeline.OutputRouter;
import dragoman.pipeline.SourceContext;
import dragoman.review.Explanation;
import dragoman.review.GermanVariant;
import dragoman.review.ReviewModel;
import dragoman.review.ReviewOptions;
import dragoman.review.ReviewSummary;
import dragoman.review.Reviewer;
import dragoman.review.SegmentReview;
import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Flags German segments that look machine-translated, with reasons.",
      "Writes one JSONL record per segment with review {score, flag, kind, findings}; findings"
          + " carry UTF-16 offsets into the document. A summary table goes to stderr.",
      "An XLIFF (1.2 or 2) comes back as XLIFF: findings as notes, flagged targets marked"
          + " needs-review-translation (2: subState dragoman:needs-review)."
    })
final class ReviewCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description =
          "Flag segments scoring at least P, in [0,1] (default: ${DEFAULT-VALUE}, chosen for"
              + " precision; see eval/results/review.md).",
      defaultValue = "" + ReviewOptions.DEFAULT_THRESHOLD)
  double threshold;

  @Option(
      names = "--variant",
      paramLabel = "de-DE|de-AT|de-CH",
      description = "German standard to check against (default: ${DEFAULT-VALUE}).",
      defaultValue = "de-DE")
  String variant;

  @Option(
      names = "--explain",
      description = "Print each flagged segment with its findings underlined (stderr).")
  boolean explain;

  @Option(
      names = "--no-grammar",
      description = "Skip the LanguageTool checks (faster start, fewer findings).")
  boolean noGrammar;

  @Option(
      names = "--no-learned",
      description = "Skip the learned span detector (rules and word-sequence model only).")
  boolean noLearned;

  @Option(
      names = "--source",
      paramLabel = "FILE",
      description =
          "The English source of the (single) German document: its sentences are aligned with the"
              + " German, the German is translated back, and segments whose back-translation"
              + " strays from the source are reported (source-aware review; needs the model).")
  Path source;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "German-to-English model for --source (default: $DRAGOMAN_MODEL,"
              + " models/opus-mt-de-en/, then the user cache, pulled unless --offline).")
  Path model;

  @Option(
      names = "--reverse-model",
      paramLabel = "DIR",
      description =
          "English-to-German model (e.g. opus-mt-en-de) for a round trip with --source:"
              + " machine-made German survives it nearly unchanged (Nguyen-Son et al. 2021).")
  Path reverseModel;

  @Option(names = "--offline", description = "Never download a model.")
  boolean offline;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "PATH",
      description = "Write to this file (one input) or folder (several); default standard output.")
  Path out;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Segments reviewed at once, each by a worker with its own LanguageTool and models"
              + " (about 100 MB more memory each; default: one per processor, at most 2). The"
              + " output is the same for any N; records still come in document order.")
  Integer jobs;

  @Mixin VerboseOption verbose;

  /** One worker per processor, at most two: a third costs memory and gains little on most hosts. */
  static int defaultJobs() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  private static ProgressBar progressBar() {
    return new ProgressBarBuilder()
        .setTaskName("review")
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" segments", 1)
        .setInitialMax(0)
        .continuousUpdate()
        .build();
  }

  @Override
  public Integer call() {
    ReviewOptions options;
    try {
      options =
          ReviewOptions.defaults()
              .withThreshold(threshold)
              .withVariant(GermanVariant.fromCode(variant))
              .withGrammar(!noGrammar)
              .withLearned(!noLearned);
    } catch (IllegalArgumentException e) {
      System.err.println("dragoman review: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    PrintStream err = System.err;
    int workers = jobs == null ? defaultJobs() : jobs;
    if (workers < 1) {
      err.println("dragoman review: --jobs must be at least 1, got " + workers);
      return ExitCode.USAGE.code();
    }
    FileInputs.Split split;
    try {
      split = input.split();
    } catch (IllegalArgumentException e) {
      err.println("dragoman review: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    var inputs = split.text();
    int count = inputs.sources().size() + split.files().size();
    if (source == null && reverseModel != null) {
      err.println("dragoman review: --reverse-model needs --source");
      return ExitCode.USAGE.code();
    }
    if (source != null && count != 1) {
      err.println("dragoman review: --source goes with exactly one German document");
      return ExitCode.USAGE.code();
    }
    SourceContext sourceContext;
    try {
      sourceContext = SourceContext.open(source, model, reverseModel, offline, err);
    } catch (BadInputException e) {
      err.println("dragoman review: " + e.oneLine());
      return ExitCode.SOME_FAILED.code();
    } catch (ModelException e) {
      err.println("dragoman review: " + e.oneLine());
      return ExitCode.SOME_FAILED.code();
    }
    Reviewer reviewer =
        new Reviewer(options, ReviewModel.load(), sourceContext.detectors(), workers);
    ReviewSummary summary = new ReviewSummary();
    OutputRouter router = new OutputRouter(out, count > 1, ".jsonl", System.out);
    DocumentBatch batch =
        new DocumentBatch(new DocumentReader(Language.GERMAN), err, "dragoman review");
    int[] total = {0};
    DocumentBatch.Outcome outcome;
    try (ProgressBar bar = System.console() != null ? progressBar() : null) {
      outcome =
          batch.run(
              inputs,
              (source, doc) -> {
                Map<String, String> english = sourceContext.englishBySegment(doc.document());
                total[0] += doc.document().segments().size();
                if (bar != null) {
                  bar.maxHint(total[0]);
                }
                // Each record is written (and standard output flushed) as soon as its segment is
                // reviewed: a 20 MB one-line document shows output at once and never holds all its
                // reviews.
                router.write(
                    source.docId(),
                    os -> {
                      JsonlWriter w = new JsonlWriter(os);
                      reviewer.review(
                          doc.document(),
                          english,
                          (segment, review) -> {
                            w.write(SegmentRecord.of(segment).withReview(review));
                            if (out == null) {
                              os.flush();
                            }
                            summary.add(review);
                            if (explain && review.flag()) {
                              err.print(Explanation.of(segment, review));
                            }
                            if (bar != null) {
                              bar.step();
                            }
                          });
                      w.close();
                    });
              });
    }
    // Translators' files: their German source side reviewed; an XLIFF comes back as XLIFF with the
    // findings as notes and flagged targets marked, any other format as JSONL records.
    DocumentBatch.Outcome files =
        FileInputs.run(
            split.files(),
            err,
            "dragoman review",
            (source, fileFormat, doc) -> {
              List<SegmentReview> reviews =
                  reviewer.review(doc.document(), sourceContext.englishBySegment(doc.document()));
              doc.reviews(reviews);
              summary.add(reviews);
              if (fileFormat == FileFormat.xliff12 || fileFormat == FileFormat.xliff2) {
                new OutputRouter(
                        out,
                        count > 1,
                        "." + FileInputs.extensionOf(source, fileFormat),
                        System.out)
                    .write(source.docId(), doc::write);
              } else {
                router.write(
                    source.docId(),
                    os -> {
                      JsonlWriter w = new JsonlWriter(os);
                      for (SegmentRecord r : doc.records()) {
                        w.write(r);
                      }
                      w.close();
                    });
              }
              if (explain) {
                List<Segment> segments = doc.document().segments();
                for (int i = 0; i < segments.size(); i++) {
                  if (reviews.get(i).flag()) {
                    err.print(Explanation.of(segments.get(i), reviews.get(i)));
                  }
                }
              }
            });
    reviewer.close();
    sourceContext.close();
    summary.print(err, 8);
    return ExitCode.forFailures(outcome.failed() + files.failed()).code();
  }
}
