package dragoman.cli;

import dragoman.formats.FileFormat;
import dragoman.pipeline.FileInputs;
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
              + " (with or without BOM), UTF-16 with BOM, or Windows-1252; or translators' files"
              + " (XLIFF 1.2/2, TMX, HTML, DOCX, ODT, PO, Markdown), by extension.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Which files in folders to read (repeatable; default: ${DEFAULT-VALUE}). Files named"
              + " directly are always read.")
  List<String> includes = new ArrayList<>(InputCollector.DEFAULT_INCLUDES);

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "Read every input as this format: xliff12, xliff2, tmx, html, docx, odt, po or markdown"
              + " (default: by extension, .txt and others as plain text; an .xlf is XLIFF 1.2 or 2"
              + " by its version). Folders are then searched for that format's extensions.")
  String inputFormat;

  /** The forced format, or null to choose by extension; a bad name is a usage error. */
  FileFormat forcedFormat() {
    return inputFormat == null ? null : FileFormat.parse(inputFormat);
  }

  InputCollector.Collected collect() {
    return new InputCollector(FileInputs.includes(includes, forcedFormat())).collect(inputs);
  }

  /** The inputs, translators' files apart from plain text. */
  FileInputs.Split split() {
    return FileInputs.split(collect(), forcedFormat());
  }
}
