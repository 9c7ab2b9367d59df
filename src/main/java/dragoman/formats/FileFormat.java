package dragoman.formats;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.filters.html.HtmlFilter;
import net.sf.okapi.filters.markdown.MarkdownFilter;
import net.sf.okapi.filters.openoffice.OpenOfficeFilter;
import net.sf.okapi.filters.openxml.OpenXMLFilter;
import net.sf.okapi.filters.po.POFilter;
import net.sf.okapi.filters.tmx.TmxFilter;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.filters.xliff2.XLIFF2Filter;

/**
 * The translators' file formats read and written back through the Okapi Framework, each with the
 * Okapi filter configuration it uses ({@code okf_xliff}, ...) and the file extensions it is chosen
 * by. Plain text ({@code txt}) is not here: it goes through {@code dragoman.text}.
 */
public enum FileFormat {
  /** XLIFF 1.2 (OASIS 2008), what most CAT tools export; also SDLXLIFF, which is 1.2-based. */
  xliff12("okf_xliff", true, "xlf", "xliff", "sdlxliff", "mqxliff"),
  /** XLIFF 2.0 and 2.1 (OASIS 2014, 2018). */
  xliff2("okf_xliff2", true, "xlf2"),
  /** TMX 1.4b translation memories: each {@code <tu>} is one segment. */
  tmx("okf_tmx", true, "tmx"),
  html("okf_html", false, "html", "htm", "xhtml"),
  docx("okf_openxml", false, "docx", "pptx", "xlsx"),
  odt("okf_openoffice", false, "odt", "odp", "ods"),
  po("okf_po", true, "po", "pot"),
  markdown("okf_markdown", false, "md", "markdown");

  private final String okapiConfiguration;
  private final boolean bilingual;
  private final List<String> extensions;

  FileFormat(String okapiConfiguration, boolean bilingual, String... extensions) {
    this.okapiConfiguration = okapiConfiguration;
    this.bilingual = bilingual;
    this.extensions = List.of(extensions);
  }

  /** The Okapi filter configuration id, e.g. {@code okf_xliff}. */
  public String okapiConfiguration() {
    return okapiConfiguration;
  }

  /**
   * Bilingual formats come segmented by the tool that made them (a CAT tool's trans-unit, a TMX tu,
   * a PO entry) and keep that segmentation; monolingual ones are split into sentences here.
   */
  public boolean bilingual() {
    return bilingual;
  }

  /** Extensions (without dot) this format is chosen by. */
  public List<String> extensions() {
    return extensions;
  }

  /** The extension written files get (the input's own is kept when it has one of ours). */
  public String defaultExtension() {
    return extensions.get(0);
  }

  /** A fresh Okapi filter for this format, with its default parameters. */
  IFilter newFilter() {
    return switch (this) {
      case xliff12 -> {
        XLIFFFilter f = new XLIFFFilter();
        // Units the run does not translate (translate="no", already done) keep having no target.
        f.getParameters().setAlwaysAddTargets(false);
        yield f;
      }
      case xliff2 -> new XLIFF2Filter();
      case tmx -> new TmxFilter();
      case html -> new HtmlFilter();
      case docx -> new OpenXMLFilter();
      case odt -> new OpenOfficeFilter();
      case po -> new POFilter();
      case markdown -> {
        MarkdownFilter f = new MarkdownFilter();
        // Code is not prose: code blocks and `inline code` stay as they are.
        f.getParameters().setTranslateFencedCodeBlocks(false);
        f.getParameters().setTranslateIndentedCodeBlocks(false);
        f.getParameters().setTranslateInlineCodeBlocks(false);
        yield f;
      }
    };
  }

  /** The format a file's name asks for, or empty for plain text and unknown extensions. */
  public static Optional<FileFormat> byExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = name.substring(dot + 1);
    return Arrays.stream(values()).filter(f -> f.extensions.contains(ext)).findFirst();
  }

  /**
   * The format of a file: by its extension, except that an {@code .xlf} whose root says {@code
   * version="2.x"} is XLIFF 2 (both versions share the extension).
   *
   * @param head the first bytes of the file (a few hundred are enough)
   */
  public static Optional<FileFormat> detect(Path file, byte[] head) {
    Optional<FileFormat> f = byExtension(file);
    if (f.isPresent() && (f.get() == xliff12 || f.get() == xliff2)) {
      String start =
          new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8)
              .replace('\'', '"');
      int root = start.indexOf("<xliff");
      if (root >= 0) {
        String tag = start.substring(root, Math.max(root, start.indexOf('>', root) + 1));
        return Optional.of(tag.matches("(?s).*\\sversion\\s*=\\s*\"2\\..*") ? xliff2 : xliff12);
      }
    }
    return f;
  }

  /** A {@code --input-format} value: the enum name or one of the extensions. */
  public static FileFormat parse(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (f.name().equals(v) || f.extensions.contains(v)) {
        return f;
      }
    }
    if (v.equals("xliff")) {
      return xliff12;
    }
    throw new IllegalArgumentException(
        "unknown input format "
            + value
            + "; use txt, "
            + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
  }
}
