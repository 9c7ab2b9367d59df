package dragoman.cli;

import dragoman.metric.Chrf;
import dragoman.pipeline.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "chrf",
    mixinStandardHelpOptions = true,
    description = {
      "Corpus chrF as sacreBLEU 2.x computes it by default (character order 6, beta 2,"
          + " whitespace ignored, best reference per line); --word-order 2 gives chrF++.",
      "First line: the score (0..100), then the variant and sacreBLEU's signature.",
      "With --sentence: one score per line."
    })
final class EvalChrfCommand implements Callable<Integer> {
  @Mixin ScoredFiles files;

  @Option(
      names = "--char-order",
      defaultValue = "6",
      description = "Character n-gram order (default: ${DEFAULT-VALUE}).")
  int charOrder;

  @Option(
      names = "--word-order",
      defaultValue = "0",
      description = "Word n-gram order; 2 gives chrF++ (default: ${DEFAULT-VALUE}).")
  int wordOrder;

  @Option(
      names = "--beta",
      defaultValue = "2",
      description = "Weight of recall over precision (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--sentence", description = "Print one sentence chrF per line.")
  boolean sentence;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--char-order and --word-order must be >= 0, not both 0");
    }
    files.requireOneHypothesisFor(sentence, spec.commandLine());
    List<List<String>> references = files.references();
    Chrf chrf = new Chrf(charOrder, wordOrder, beta);
    PrintWriter out = spec.commandLine().getOut();
    String signature =
        chrf.name()
            + "\tnrefs:"
            + files.refs.size()
            + "|case:mixed|eff:yes|nc:"
            + charOrder
            + "|nw:"
            + wordOrder
            + "|space:no";
    Chrf.References prepared;
    try {
      prepared = chrf.references(references);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(files.refs + ": " + e.getMessage(), e);
    }
    for (Path hyp : files.hyps) {
      List<String> hypothesis = ScoredFiles.hypothesis(hyp, prepared.size());
      if (sentence) {
        for (double s : chrf.sentenceScores(hypothesis, prepared)) {
          out.println(s);
        }
      } else {
        double score = chrf.corpusScore(hypothesis, prepared);
        out.println(score + "\t" + signature + (files.hyps.size() > 1 ? "\t" + hyp : ""));
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
