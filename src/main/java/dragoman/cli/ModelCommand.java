package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Gets and checks translation models (pull, verify, list, convert).")
final class ModelCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 4;
  }
}
