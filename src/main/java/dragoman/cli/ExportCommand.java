package dragoman.cli;

import picocli.CommandLine.Command;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Re-exports saved JSONL results as HTML, TMX, XLIFF or TSV.")
final class ExportCommand extends NotBuiltYet {
  @Override
  int issue() {
    return 8;
  }
}
