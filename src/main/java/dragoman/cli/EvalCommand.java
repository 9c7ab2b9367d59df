package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Metrics: BLEU, chrF, alignment F1, detection precision/recall.")
final class EvalCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 5;
  }
}
