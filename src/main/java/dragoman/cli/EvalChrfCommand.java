package dragoman.cli;

import dragoman.eval.Chrf;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
  @Option(
      names = {"-r", "--ref"},
      arity = "1..*",
      required = true,
      paramLabel = "REF",
      description = "Reference file(s), line-aligned with the hypothesis.")
  List<Path> refs;

  @Option(
      names = {"-H", "--hyp"},
      required = true,
      paramLabel = "HYP",
      description = "Hypothesis file.")
  Path hyp;

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

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--char-order and --word-order must be >= 0, not both 0");
    }
    List<String> hypothesis = EvalCommand.lines(hyp);
    List<List<String>> references = new ArrayList<>();
    for (Path r : refs) {
      references.add(EvalCommand.lines(r));
    }
    Chrf chrf = new Chrf(charOrder, wordOrder, beta);
    PrintWriter out = spec.commandLine().getOut();
    try {
      Chrf.References prepared = chrf.references(references);
      if (sentence) {
        if (hypothesis.size() != prepared.size()) {
          throw new IllegalArgumentException(
              "the hypothesis has "
                  + hypothesis.size()
                  + " lines but the references have "
                  + prepared.size());
        }
        for (double s : chrf.sentenceScores(hypothesis, prepared)) {
          out.println(s);
        }
      } else {
        out.println(
            chrf.corpusScore(hypothesis, prepared)
                + "\t"
                + chrf.name()
                + "\tnrefs:"
                + refs.size()
                + "|case:mixed|eff:yes|nc:"
                + charOrder
                + "|nw:"
                + wordOrder
                + "|space:no");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(hyp + " vs " + refs + ": " + e.getMessage(), e);
    }
    out.flush();
    return 0;
  }
}
