package dragoman.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The formats results can be exported to, each with its file extension. */
public enum ExportFormat {
  html(".html"),
  tmx(".tmx"),
  /** XLIFF 2.1. */
  xliff(".xlf"),
  /** XLIFF 1.2, what most CAT tools import first. */
  xliff12(".xlf"),
  tsv(".tsv");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /**
   * Writes the documents in this format.
   *
   * @param title the viewer's title (HTML only)
   * @param notices lines the viewer shows above its tabs (HTML only)
   */
  public void write(List<ExportDocument> docs, String title, List<String> notices, OutputStream out)
      throws IOException {
    switch (this) {
      case html -> new HtmlViewer().write(docs, title, notices, out);
      case tmx -> new TmxWriter().write(docs, out);
      case xliff -> new XliffWriter().write(docs, out);
      case xliff12 -> new Xliff12Writer().write(docs, out);
      case tsv -> new TsvWriter().write(docs, out);
    }
  }
}
