package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = "Batch German-to-English translation of files, folders or stdin.")
final class TranslateCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 4;
  }
}
