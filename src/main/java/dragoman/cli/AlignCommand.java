package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description = "Sentence alignment of a German source with an English target.")
final class AlignCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 6;
  }
}
