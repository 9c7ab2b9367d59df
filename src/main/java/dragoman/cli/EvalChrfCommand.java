package dragoman.cli;

import dragoman.metric.Chrf;
import dragoman.metric.ChrfOptions;
import dragoman.metric.CorpusMetric;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "chrf",
    mixinStandardHelpOptions = true,
    description = {
      "Corpus chrF as sacreBLEU 2.x computes it (defaults: character order 6, beta 2,"
          + " whitespace ignored, effective-order averaging, best reference per line);"
          + " --chrf-word-order 2 gives chrF++. sacreBLEU's option names.",
      "Text output: the score (0..100, full precision), the variant and sacreBLEU's signature."
          + " --format json prints sacreBLEU's JSON.",
      "With --sentence: one score per line. With several --hyp and --paired-bs or --paired-ar:"
          + " sacreBLEU's significance table against the first."
    })
final class EvalChrfCommand implements Callable<Integer> {
  @Mixin ScoredFiles files;
  @Mixin ReportFlags report;
  @Mixin PairedFlags paired;

  @Option(
      names = {"--chrf-char-order", "-cc", "--char-order"},
      defaultValue = "6",
      description = "Character n-gram order (default: ${DEFAULT-VALUE}).")
  int charOrder;

  @Option(
      names = {"--chrf-word-order", "-cw", "--word-order"},
      defaultValue = "0",
      description = "Word n-gram order; 2 gives chrF++ (default: ${DEFAULT-VALUE}).")
  int wordOrder;

  @Option(
      names = {"--chrf-beta", "--beta"},
      defaultValue = "2",
      description = "Weight of recall over precision, an integer (default: ${DEFAULT-VALUE}).")
  int beta;

  @Option(
      names = "--chrf-whitespace",
      description = "Keep whitespace in character n-grams (signature space:yes).")
  boolean whitespace;

  @Option(
      names = {"--chrf-lowercase", "--lowercase", "-lc"},
      description = "Lowercase hypotheses and references (signature case:lc).")
  boolean lowercase;

  @Option(
      names = "--chrf-eps-smoothing",
      description =
          "Eps smoothing as chrF++.py, NLTK and Moses (signature eff:no) instead of"
              + " effective-order averaging.")
  boolean epsSmoothing;

  @Option(
      names = {"--sentence", "--sentence-level", "-sl"},
      description = "Print one sentence chrF per line.")
  boolean sentence;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Chrf chrf;
    try {
      chrf =
          new Chrf(
              new ChrfOptions(charOrder, wordOrder, beta, lowercase, whitespace, epsSmoothing));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--chrf-char-order and --chrf-word-order must be >= 0, not both 0");
    }
    return MetricRun.run(
        spec.commandLine(),
        files,
        report,
        paired,
        sentence,
        System.in,
        references -> {
          Chrf.References prepared = chrf.references(references);
          return new MetricRun.Scorer() {
            @Override
            public CorpusMetric metric() {
              return chrf.against(prepared);
            }

            @Override
            public Map<String, String> signatureFields(boolean sentenceLevel) {
              return chrf.signatureFields();
            }

            @Override
            public double score(List<String> hypothesis) {
              return chrf.corpusScore(hypothesis, prepared);
            }

            @Override
            public String details(List<String> hypothesis) {
              return null;
            }

            @Override
            public List<Double> sentenceScores(List<String> hypothesis) {
              return chrf.sentenceScores(hypothesis, prepared);
            }
          };
        });
  }
}
