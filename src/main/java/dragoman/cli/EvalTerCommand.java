package dragoman.cli;

import dragoman.metric.CorpusMetric;
import dragoman.metric.Ter;
import dragoman.metric.TerOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ter",
    mixinStandardHelpOptions = true,
    description = {
      "Corpus TER (translation edit rate) as sacreBLEU 2.x computes it, which replicates Tercom:"
          + " lowercased, no normalisation by default; lower is better. sacreBLEU's option names.",
      "Text output: the score (0..100, full precision), TER and sacreBLEU's signature."
          + " --format json prints sacreBLEU's JSON.",
      "With --sentence: one score per line. With several --hyp and --paired-bs or --paired-ar:"
          + " sacreBLEU's significance table against the first."
    })
final class EvalTerCommand implements Callable<Integer> {
  @Mixin ScoredFiles files;
  @Mixin ReportFlags report;
  @Mixin PairedFlags paired;

  @Option(names = "--ter-case-sensitive", description = "Keep case (signature case:mixed).")
  boolean caseSensitive;

  @Option(
      names = "--ter-asian-support",
      description =
          "With --ter-normalized split CJK characters; with --ter-no-punct also drop CJK and"
              + " full-width punctuation.")
  boolean asianSupport;

  @Option(names = "--ter-no-punct", description = "Remove punctuation.")
  boolean noPunct;

  @Option(
      names = "--ter-normalized",
      description = "Tercom's normalisation: unescape entities, split punctuation.")
  boolean normalized;

  @Option(
      names = {"--sentence", "--sentence-level", "-sl"},
      description = "Print one sentence TER per line.")
  boolean sentence;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Ter ter = new Ter(new TerOptions(normalized, noPunct, asianSupport, caseSensitive));
    return MetricRun.run(
        spec.commandLine(),
        files,
        report,
        paired,
        sentence,
        System.in,
        references -> {
          Ter.References prepared = ter.references(references);
          return new MetricRun.Scorer() {
            @Override
            public CorpusMetric metric() {
              return ter.against(prepared);
            }

            @Override
            public Map<String, String> signatureFields(boolean sentenceLevel) {
              return ter.signatureFields();
            }

            @Override
            public double score(List<String> hypothesis) {
              return ter.corpus(hypothesis, prepared).score();
            }

            @Override
            public String details(List<String> hypothesis) {
              return null;
            }

            @Override
            public List<Double> sentenceScores(List<String> hypothesis) {
              return ter.sentenceScores(hypothesis, prepared);
            }
          };
        });
  }
}
