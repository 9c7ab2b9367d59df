package dragoman.pipeline;

import dragoman.export.ExportFormat;
import dragoman.formats.FileFormat;

/**
 * How translators' files (XLIFF, TMX, HTML, DOCX, ...) are handled, beside {@link RunOptions}.
 *
 * @param inputFormat the format every input is read as, or null to choose by extension (and plain
 *     text for {@code .txt} and unknown extensions)
 * @param xliff what {@code OUT/<doc>.xlf} is: {@link ExportFormat#xliff12} (the default, what most
 *     CAT tools import) or {@link ExportFormat#xliff} (2.1)
 */
public record FileOptions(FileFormat inputFormat, ExportFormat xliff) {
  public static final FileOptions DEFAULTS = new FileOptions(null, ExportFormat.xliff12);

  public FileOptions {
    if (xliff != ExportFormat.xliff && xliff != ExportFormat.xliff12) {
      throw new IllegalArgumentException(
          "the XLIFF output is xliff (2.1) or xliff12, not " + xliff);
    }
  }
}
