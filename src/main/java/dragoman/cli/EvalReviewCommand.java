package dragoman.cli;

import dragoman.eval.DetectionOptions;
import dragoman.eval.DetectionScores;
import dragoman.eval.LabeledScores;
import dragoman.pipeline.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = {
      "Detection metrics of review scores against gold labels: precision, recall and F1 of"
          + " score >= threshold, ROC-AUC, and PR-AUC as average precision (scikit-learn's"
          + " definitions), each with a bootstrap percentile interval (fixed seed).",
      "--labels: TSV with a header naming columns id and label (# lines are comments).",
      "--scores: TSV with columns id and score, or JSONL with id and review.score (dragoman"
          + " review output) or score.",
      "Output: \"value<TAB>name<TAB>low<TAB>high\" lines; the first is f1."
    })
final class EvalReviewCommand implements Callable<Integer> {
  @Option(names = "--labels", required = true, paramLabel = "FILE", description = "Gold labels.")
  Path labels;

  @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Scores.")
  Path scores;

  @Option(
      names = "--positive",
      split = ",",
      paramLabel = "LABEL",
      description = "Labels that mean \"should be flagged\" (default: 1,true,yes,flag).")
  List<String> positive;

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "LABEL",
      description = "Labels whose items are left out (default: none).")
  List<String> ignore;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Flag when score >= T (default: 0.5).")
  Double threshold;

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      description = "Bootstrap resamples; 0 for none (default: 1000).")
  Integer bootstrap;

  @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 20211110).")
  Long seed;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    EvalCommand.requireFiles(List.of(labels, scores));
    DetectionOptions o = DetectionOptions.DEFAULTS;
    if (threshold != null) {
      o = o.withThreshold(threshold);
    }
    if (bootstrap != null) {
      if (bootstrap < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be >= 0");
      }
      o = o.withBootstrapSamples(bootstrap);
    }
    if (seed != null) {
      o = o.withSeed(seed);
    }
    Set<String> pos = positive == null ? LabeledScores.DEFAULT_POSITIVE : new HashSet<>(positive);
    Set<String> ign = ignore == null ? Set.of() : new HashSet<>(ignore);
    LabeledScores data = LabeledScores.read(labels, scores, pos, ign);
    DetectionScores s = DetectionScores.of(data.positive(), data.scores(), o);
    PrintWriter out = spec.commandLine().getOut();
    print(out, "f1", s.f1());
    print(out, "precision", s.precision());
    print(out, "recall", s.recall());
    print(out, "roc_auc", s.rocAuc());
    print(out, "average_precision", s.averagePrecision());
    out.println(s.items() + "\titems");
    out.println(s.positives() + "\tpositives");
    out.println(s.threshold() + "\tthreshold");
    out.flush();
    return ExitCode.OK.code();
  }

  private static void print(PrintWriter out, String name, DetectionScores.Estimate e) {
    out.println(e.value() + "\t" + name + "\t" + e.low() + "\t" + e.high());
  }
}
