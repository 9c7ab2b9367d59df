package dragoman.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlViewerTest {
  private static String page(String title) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlViewer()
        .write(
            List.of(Samples.doc(Samples.reviewed())),
            title,
            List.of("translation skipped: <none>"),
            out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hostileTextCannotEndTheDataScriptOrOpenAComment() throws Exception {
    String html = page("t");
    // The page's own markup has exactly two script elements; the data adds no closer or comment.
    assertThat(html.split("</script>", -1)).hasSize(3);
    assertThat(html).doesNotContain("<!--").doesNotContain("<script>alert");
  }

  @Test
  void embeddedDataParsesBackToTheSameText() throws Exception {
    String html = page("t");
    String open = "<script type=\"application/json\" id=\"dragoman-data\">";
    int s = html.indexOf(open) + open.length();
    String json = html.substring(s, html.indexOf("</script>", s));
    JsonNode data = JsonlWriter.mapper().readTree(json);
    JsonNode rec = data.get("documents").get(0).get("records").get(1);
    assertThat(rec.get("de").asText()).isEqualTo(Samples.S1);
    assertThat(rec.get("en").asText())
        .isEqualTo("He said \"<script>alert('x')</script>\" <!-- not -->.");
    assertThat(data.get("notices").get(0).asText()).isEqualTo("translation skipped: <none>");
  }

  @Test
  void titleIsHtmlEscaped() throws Exception {
    String html = page("<b>\"Q\" & {{DATA}}</b>");
    assertThat(html)
        .contains("<title>&lt;b&gt;&quot;Q&quot; &amp; &#123;&#123;DATA}}&lt;/b&gt;</title>")
        .doesNotContain("<b>\"Q\"");
  }

  @Test
  void scriptSafeJsonEscapesOnlyMarkupCharacters() {
    assertThat(HtmlViewer.scriptSafeJson("{\"a\":\"</script><!--&\u2028\"}"))
        .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\"}");
  }
}
