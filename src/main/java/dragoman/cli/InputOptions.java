package dragoman.cli;

import dragoman.text.InputCollector;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Input arguments shared by every command that reads documents. */
final class InputOptions {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description =
          "Input files, folders (searched recursively) or - for standard input. Text in UTF-8"
              + " (with or without BOM), UTF-16 with BOM, or Windows-1252.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Which files in folders to read (repeatable; default: ${DEFAULT-VALUE}). Files named"
              + " directly are always read.")
  List<String> includes = new ArrayList<>(InputCollector.DEFAULT_INCLUDES);

  InputCollector.Collected collect() {
    return new InputCollector(includes).collect(inputs);
  }
}
