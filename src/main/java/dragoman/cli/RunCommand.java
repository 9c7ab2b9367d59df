package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "The whole pipeline per document: segment, review, translate, align, export.")
final class RunCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 8;
  }
}
