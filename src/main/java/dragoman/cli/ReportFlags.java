package dragoman.cli;

import picocli.CommandLine.Option;

/** How {@code eval bleu|chrf|ter} print their scores. */
final class ReportFlags {
  enum Format {
    text,
    json
  }

  @Option(
      names = {"-f", "--format"},
      defaultValue = "text",
      description =
          "text (the score first, at full precision, then the signature) or json (sacreBLEU's"
              + " fields; paired tests: its list of results). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = {"-w", "--width"},
      defaultValue = "1",
      description =
          "Decimals of the rounded scores in json and in the paired table, as sacreBLEU's"
              + " --width (default: ${DEFAULT-VALUE}).")
  int width;
}
