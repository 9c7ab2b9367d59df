package dragoman.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Writes the viewer: one self-contained HTML page (inline CSS and JavaScript, no network, opens
 * from disk) with a tab per document and German and English side by side.
 *
 * <p>The records go into the page as JSON inside {@code <script type="application/json">}; the
 * page's script puts every piece of text on screen with {@code textContent}. What could end that
 * script element early or open a comment in it ({@code </script>}, {@code <!--}) cannot occur:
 * {@code <}, {@code >} and {@code &} are written as JSON {@code \}u escapes, which JSON.parse turns
 * back into the same characters. The title, the only text placed in markup, is escaped with Commons
 * Text.
 */
public final class HtmlViewer {
  private static final String TEMPLATE = "viewer.html";
  private static final String TITLE = "{{TITLE}}";
  private static final String DATA = "{{DATA}}";

  private final ObjectMapper mapper = JsonlWriter.mapper();

  /**
   * @param title shown at the top and in the browser tab
   * @param notices lines shown above the tabs, e.g. that translation was skipped
   */
  public void write(List<ExportDocument> docs, String title, List<String> notices, OutputStream out)
      throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("documents", docs);
    data.put("notices", notices);
    String page =
        template()
            .replace(DATA, scriptSafeJson(mapper.writeValueAsString(data)))
            .replace(TITLE, StringEscapeUtils.escapeHtml4(title).replace("{", "&#123;"));
    out.write(page.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * JSON that can sit inside a script element: markup characters as {@code \}u escapes. Outside
   * string literals JSON has no such characters, so escaping them everywhere is exact.
   */
  static String scriptSafeJson(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String template() {
    try (InputStream in = HtmlViewer.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("viewer template missing from the build: " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
