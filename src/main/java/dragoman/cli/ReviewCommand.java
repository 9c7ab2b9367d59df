package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Flags German segments that look machine-translated, with reasons.")
final class ReviewCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 7;
  }
}
