package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dragoman.mt.GenerationOptions;
import dragoman.mt.marian.MarianTranslator;
import dragoman.serve.ServeOptions;
import dragoman.serve.TranslationServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server answers as the commands do: same English, same review records, same beads. */
class ServeCommandTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private MarianTranslator marian;
  private TranslationServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    // As ServeCommand opens it: the translate command's defaults, no flags.
    GenerationOptions options = new GenerationFlags().options();
    marian = MarianTranslator.open(MODEL, options);
    server =
        TranslationServer.start(
            ServeOptions.defaults().withPort(0), TranslationServer.Engine.of(marian, options));
  }

  @AfterEach
  void stop() {
    server.close();
    marian.close();
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  private JsonNode post(String path, JsonNode body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    return JSON.readTree(a.body());
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Test
  void aSentenceGetsTheSameEnglishFromTheServerAsFromTranslate() throws Exception {
    List<String> sentences =
        List.of(
            "Die Regierung hat am Montag neue Maßnahmen beschlossen.",
            "Das ist ein Haus.",
            "Wie geht es Ihnen heute?");
    Path in = tmp.resolve("sentences.txt");
    Files.writeString(in, String.join("\n", sentences) + "\n");
    int code =
        Main.execute("translate", in.toString(), "--model", MODEL.toString(), "--format", "txt");
    assertThat(code).isZero();
    List<String> cli = stdout().lines().toList();
    assertThat(cli).hasSize(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      ObjectNode q = object().put("q", sentences.get(i)).put("source", "de").put("target", "en");
      assertThat(post("/translate", q).get("translatedText").asText())
          .as(sentences.get(i))
          .isEqualTo(cli.get(i));
    }
  }

  @Test
  void htmlGetsTheSameEnglishFromTheServerAsFromTranslateWithItsTagsKept() throws Exception {
    String html =
        "<p>Die <b>Regierung</b> hat am <a href=\"montag.html\">Montag</a> neue"
            + " Ma&szlig;nahmen beschlossen &amp; verk&uuml;ndet.</p>\n"
            + "<p>Das <i>ist</i> ein Haus.</p>\n";
    Path in = tmp.resolve("page.html");
    Files.writeString(in, html);
    Path translated = tmp.resolve("page.en.html");
    int code =
        Main.execute(
            "translate", in.toString(), "--model", MODEL.toString(), "-o", translated.toString());
    assertThat(code).isZero();
    String cli = Files.readString(translated);

    ObjectNode q =
        object().put("q", html).put("source", "de").put("target", "en").put("format", "html");
    String served = post("/translate", q).get("translatedText").asText();
    assertThat(served).isEqualTo(cli);
    // The markup survives translation: every tag balanced, the link's target kept, no German left.
    for (String tag : List.of("p", "b", "a", "i")) {
      assertThat(count(served, "<" + tag + ">") + count(served, "<" + tag + " "))
          .as(tag)
          .isEqualTo(count(served, "</" + tag + ">"))
          .isEqualTo(count(html, "</" + tag + ">"));
    }
    assertThat(served).contains("href=\"montag.html\"").doesNotContain("Regierung");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void reviewAnswersTheRecordsOfTheReviewCommand() throws Exception {
    String text =
        "Das Projekt wurde im Jahr 2019 gestartet. Es ist wichtig zu beachten, dass die"
            + " Ergebnisse signifikant sind.\nDer Hund läuft schnell.\n";
    Path in = tmp.resolve("brief.txt");
    Files.writeString(in, text);
    int code = Main.execute("review", in.toString(), "--no-grammar");
    assertThat(code).isZero();
    List<JsonNode> cli = stdout().lines().map(ServeCommandTest::tree).toList();
    String doc = cli.get(0).get("doc").asText();
    JsonNode served =
        post("/review", object().put("text", text).put("doc", doc).put("grammar", false));
    assertThat(served.get("segments")).hasSize(cli.size());
    for (int i = 0; i < cli.size(); i++) {
      assertThat(served.get("segments").get(i)).isEqualTo(cli.get(i));
    }
    assertThat(cli.get(0).get("review").has("score")).isTrue();
  }

  @Test
  void alignAnswersTheBeadsOfAlignJsonl() throws Exception {
    String de = "Das ist ein Haus. Es hat drei Zimmer.\nDer Garten ist groß.\n";
    String en = "This is a house. It has three rooms.\nThe garden is big.\n";
    Path src = tmp.resolve("de.txt");
    Path tgt = tmp.resolve("en.txt");
    Files.writeString(src, de);
    Files.writeString(tgt, en);
    int code = Main.execute("align", src.toString(), tgt.toString(), "--format", "jsonl");
    assertThat(code).isZero();
    List<JsonNode> cli = stdout().lines().map(ServeCommandTest::tree).toList();
    JsonNode served = post("/align", object().put("source", de).put("target", en));
    assertThat(served.get("beads")).hasSize(cli.size());
    for (int i = 0; i < cli.size(); i++) {
      assertThat(served.get("beads").get(i)).isEqualTo(cli.get(i));
    }
  }

  @Test
  void anUnreadableKeyFileIsAUsageErrorNamingIt() {
    Path missing = tmp.resolve("keys.txt");
    int code = Main.execute("serve", "--model", MODEL.toString(), "--api-keys", missing.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("keys.txt");
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
