package dragoman.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The reference and hypothesis files of {@code eval bleu} and {@code eval chrf}. */
final class ScoredFiles {
  @Option(
      names = {"-r", "--ref"},
      arity = "1..*",
      required = true,
      paramLabel = "REF",
      description = "Reference file(s), line-aligned with the hypothesis.")
  List<Path> refs;

  @Option(
      names = {"-H", "--hyp"},
      arity = "1..*",
      required = true,
      paramLabel = "HYP",
      description =
          "Hypothesis file; with several (systems scored against the same references), one"
              + " line each: score, metric, signature, file.")
  List<Path> hyps;

  /** Refuses {@code --sentence} with several systems: whose lines would they be? */
  void requireOneHypothesisFor(boolean sentence, CommandLine cli) {
    if (sentence && hyps.size() > 1) {
      throw new CommandLine.ParameterException(cli, "--sentence takes one --hyp file");
    }
  }

  /** The reference streams, one list of lines per reference file. */
  List<List<String>> references() throws IOException {
    List<List<String>> references = new ArrayList<>();
    for (Path r : refs) {
      references.add(EvalCommand.lines(r));
    }
    return references;
  }

  /** The hypothesis lines, which must be as many as the references'. */
  static List<String> hypothesis(Path hyp, int referenceLines) throws IOException {
    List<String> hypothesis = EvalCommand.lines(hyp);
    if (hypothesis.size() != referenceLines) {
      throw new IllegalArgumentException(
          hyp + " has " + hypothesis.size() + " lines but the references have " + referenceLines);
    }
    return hypothesis;
  }
}
