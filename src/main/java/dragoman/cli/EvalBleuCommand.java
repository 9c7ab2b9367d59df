package dragoman.cli;

import dragoman.metric.Bleu;
import dragoman.metric.BleuOptions;
import dragoman.metric.CorpusMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bleu",
    mixinStandardHelpOptions = true,
    description = {
      "Corpus BLEU as sacreBLEU 2.x computes it (defaults: 13a tokenizer, exp smoothing, closest"
          + " reference length, several references), one segment a line; sacreBLEU's option"
          + " names.",
      "Text output: the score (0..100, full precision), BLEU and sacreBLEU's signature; then"
          + " the precisions and brevity penalty. --format json prints sacreBLEU's JSON.",
      "With --sentence: one score per line (sentence BLEU with effective order, as sacreBLEU's"
          + " --sentence-level). With several --hyp and --paired-bs or --paired-ar: sacreBLEU's"
          + " significance table against the first."
    })
final class EvalBleuCommand implements Callable<Integer> {
  @Mixin ScoredFiles files;
  @Mixin ReportFlags report;
  @Mixin PairedFlags paired;

  @Option(
      names = {"--tokenize", "-tok"},
      defaultValue = BleuOptions.DEFAULT_TOKENIZE,
      description =
          "none, 13a, intl, char or zh (default: ${DEFAULT-VALUE}). ja-mecab, ko-mecab and the"
              + " spm/flores tokenizers need dictionaries or models that Dragoman does not ship.")
  String tokenize;

  @Option(
      names = {"--lowercase", "-lc"},
      description = "Lowercase hypotheses and references (signature case:lc).")
  boolean lowercase;

  @Option(
      names = {"--smooth-method", "-s"},
      defaultValue = "exp",
      description = "none, floor, add-k or exp (default: ${DEFAULT-VALUE}).")
  String smoothMethod;

  @Option(
      names = {"--smooth-value", "-sv"},
      description = "Value for floor (default 0.1) and add-k (default 1).")
  Double smoothValue;

  @Option(
      names = "--max-ngram-order",
      defaultValue = "4",
      description = "Highest n-gram order (default: ${DEFAULT-VALUE}).")
  int maxNgramOrder;

  @Option(
      names = {"--sentence", "--sentence-level", "-sl"},
      description = "Print one sentence BLEU per line.")
  boolean sentence;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BleuOptions options;
    Bleu bleu;
    try {
      options =
          new BleuOptions(
              tokenize,
              lowercase,
              BleuOptions.SmoothMethod.of(smoothMethod),
              smoothValue,
              maxNgramOrder,
              false);
      bleu = new Bleu(options);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Bleu sentenceBleu = new Bleu(options.withEffectiveOrder(true));
    return MetricRun.run(
        spec.commandLine(),
        files,
        report,
        paired,
        sentence,
        System.in,
        references -> {
          Bleu.References prepared = bleu.references(references);
          return new MetricRun.Scorer() {
            @Override
            public CorpusMetric metric() {
              return bleu.against(prepared);
            }

            @Override
            public Map<String, String> signatureFields(boolean sentenceLevel) {
              return bleu.signatureFields(sentenceLevel);
            }

            @Override
            public double score(List<String> hypothesis) {
              return bleu.corpus(hypothesis, prepared).score();
            }

            @Override
            public String details(List<String> hypothesis) {
              return bleu.corpus(hypothesis, prepared).verbose();
            }

            @Override
            public List<Double> sentenceScores(List<String> hypothesis) {
              List<Double> out = new ArrayList<>();
              for (int i = 0; i < hypothesis.size(); i++) {
                List<String> lineRefs = new ArrayList<>();
                for (List<String> stream : references) {
                  lineRefs.add(stream.get(i));
                }
                out.add(sentenceBleu.sentenceScore(hypothesis.get(i), lineRefs));
              }
              return out;
            }
          };
        });
  }
}
