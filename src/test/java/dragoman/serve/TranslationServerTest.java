package dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranslationServerTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");
  static final ObjectMapper JSON = new ObjectMapper();

  static MarianTranslator marian;
  private final HttpClient http = HttpClient.newHttpClient();
  private TranslationServer server;
  private GatedTranslator gate;

  @BeforeAll
  static void open() throws Exception {
    marian = MarianTranslator.open(MODEL, GenerationOptions.defaults());
  }

  @AfterAll
  static void closeModel() {
    marian.close();
  }

  @AfterEach
  void stop() {
    if (gate != null) {
      gate.gate.release(1000);
    }
    if (server != null) {
      server.close();
    }
  }

  private TranslationServer start(ServeOptions options) throws Exception {
    server =
        TranslationServer.start(
            options.withPort(0), TranslationServer.Engine.of(marian, GenerationOptions.defaults()));
    return server;
  }

  private TranslationServer start() throws Exception {
    return start(ServeOptions.defaults());
  }

  record Answer(int status, JsonNode body, String contentType) {}

  private Answer post(String path, String contentType, String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return answer(http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  private Answer json(String path, String body) throws Exception {
    return post(path, "application/json", body);
  }

  private Answer get(String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(server.uri().resolve(path)).GET().build();
    return answer(http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  private static Answer answer(HttpResponse<String> r) throws Exception {
    return new Answer(
        r.statusCode(), JSON.readTree(r.body()), r.headers().firstValue("Content-Type").orElse(""));
  }

  private static String english(String german) {
    return marian.translate(List.of(german)).get(0).text();
  }

  @Test
  void bindsToLoopbackByDefault() throws Exception {
    start();
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void languagesListGermanToEnglish() throws Exception {
    start();
    Answer a = get("/languages");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get(0).get("code").asText()).isEqualTo("de");
    assertThat(a.body().get(0).get("name").asText()).isEqualTo("German");
    assertThat(a.body().get(0).get("targets").get(0).asText()).isEqualTo("en");
    assertThat(a.body().get(1).get("code").asText()).isEqualTo("en");
  }

  @Test
  void translatesAStringSentenceBySentenceKeepingLineBreaks() throws Exception {
    start();
    Answer a =
        json(
            "/translate",
            "{\"q\":\"Guten Morgen. Wie geht es?\\nDas ist gut.\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    String expected =
        english("Guten Morgen.") + " " + english("Wie geht es?") + "\n" + english("Das ist gut.");
    assertThat(a.body().get("translatedText").asText()).isEqualTo(expected);
    assertThat(a.body().has("detectedLanguage")).isFalse();
    assertThat(a.body().has("alternatives")).isFalse();
  }

  @Test
  void translatesAnArrayIntoAnArray() throws Exception {
    start();
    Answer a =
        json(
            "/translate",
            "{\"q\":[\"Guten Morgen.\",\"Das ist gut.\"],\"source\":\"de\",\"target\":\"en\"}");
    assertThat(a.status()).isEqualTo(200);
    JsonNode t = a.body().get("translatedText");
    assertThat(t.isArray()).isTrue();
    assertThat(t.get(0).asText()).isEqualTo(english("Guten Morgen."));
    assertThat(t.get(1).asText()).isEqualTo(english("Das ist gut."));
  }

  @Test
  void readsFormBodiesAsLibreTranslateDoes() throws Exception {
    start();
    Answer a =
        post(
            "/translate",
            "application/x-www-form-urlencoded",
            "q=Guten%20Morgen.&source=de&target=en&format=text");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("translatedText").asText()).isEqualTo(english("Guten Morgen."));
  }

  @Test
  void autoSourceReportsTheDetectedLanguage() throws Exception {
    start();
    Answer a =
        json(
            "/translate",
            "{\"q\":\"Das ist nicht der Fall, und das ist gut so.\",\"source\":\"auto\",\"target\":\"en\",\"alternatives\":2}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("detectedLanguage").get("language").asText()).isEqualTo("de");
    assertThat(a.body().get("detectedLanguage").get("confidence").asDouble()).isGreaterThan(50);
    assertThat(a.body().get("alternatives").isArray()).isTrue();
  }

  @Test
  void detectAnswersCandidatesBestFirst() throws Exception {
    start();
    Answer a = json("/detect", "{\"q\":\"This is not the case, and that is how it should be.\"}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get(0).get("language").asText()).isEqualTo("en");
    assertThat(a.body().get(0).get("confidence").asDouble())
        .isGreaterThan(a.body().get(1).get("confidence").asDouble());
  }

  @Test
  void badJsonMissingQAndWrongLanguagesAre400WithLibreTranslatesMessages() throws Exception {
    start();
    Answer bad = json("/translate", "{\"q\": \"Hallo");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("error").asText()).isEqualTo("Invalid JSON format");
    Answer notObject = json("/translate", "[1, 2]");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.body().get("error").asText()).isEqualTo("Invalid JSON format");
    Answer noQ = json("/translate", "{\"source\":\"de\",\"target\":\"en\"}");
    assertThat(noQ.status()).isEqualTo(400);
    assertThat(noQ.body().get("error").asText()).isEqualTo("Invalid request: missing q parameter");
    Answer noTarget = json("/translate", "{\"q\":\"Hallo\",\"source\":\"de\"}");
    assertThat(noTarget.body().get("error").asText())
        .isEqualTo("Invalid request: missing target parameter");
    Answer french = json("/translate", "{\"q\":\"Bonjour\",\"source\":\"fr\",\"target\":\"en\"}");
    assertThat(french.status()).isEqualTo(400);
    assertThat(french.body().get("error").asText()).isEqualTo("fr is not supported");
    Answer backwards = json("/translate", "{\"q\":\"Hello\",\"source\":\"en\",\"target\":\"de\"}");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("error").asText())
        .isEqualTo("German (de) is not available as a target language from English (en)");
    Answer format =
        json(
            "/translate",
            "{\"q\":\"Hallo\",\"source\":\"de\",\"target\":\"en\",\"format\":\"pdf\"}");
    assertThat(format.body().get("error").asText()).isEqualTo("pdf format is not supported");
    Answer alternatives =
        json(
            "/translate",
            "{\"q\":\"Hallo\",\"source\":\"de\",\"target\":\"en\",\"alternatives\":\"x\"}");
    assertThat(alternatives.body().get("error").asText())
        .isEqualTo("Invalid request: alternatives parameter is not a number");
  }

  @Test
  void oversizedTextIs400AndAnOversizedBody413() throws Exception {
    start(ServeOptions.defaults().withCharLimit(10).withMaxBodyBytes(1000));
    Answer text =
        json("/translate", "{\"q\":\"Das ist ein Satz.\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.body().get("error").asText())
        .isEqualTo("Invalid request: request (17) exceeds text limit (10)");
    Answer body =
        json(
            "/translate",
            "{\"q\":\"" + "a".repeat(2000) + "\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(body.status()).isEqualTo(413);
    assertThat(body.body().get("error").asText()).contains("over 1000 bytes");
  }

  @Test
  void aWrongApiKeyIs403AndAMissingOne400() throws Exception {
    start(ServeOptions.defaults().withApiKeys(ApiKeys.of(Set.of("sesame"))));
    Answer wrong =
        json(
            "/translate",
            "{\"q\":\"Hallo\",\"source\":\"de\",\"target\":\"en\",\"api_key\":\"nope\"}");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body().get("error").asText()).isEqualTo("Invalid API key");
    Answer missing = json("/translate", "{\"q\":\"Hallo\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("error").asText()).contains("get an API key");
    Answer right =
        post(
            "/translate",
            "application/x-www-form-urlencoded",
            "q=Hallo&source=de&target=en&api_key=sesame");
    assertThat(right.status()).isEqualTo(200);
    // The language list stays open, as in LibreTranslate.
    assertThat(get("/languages").status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() throws Exception {
    start();
    Answer missing = get("/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").asText()).isEqualTo("Not Found");
    Answer method = get("/translate");
    assertThat(method.status()).isEqualTo(405);
  }

  /** Sends raw bytes on a fresh connection and reads what comes back until the server closes. */
  private String raw(byte[] request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream o = s.getOutputStream();
      o.write(request);
      o.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void survivesAThousandMalformedRequestsAndStillAnswers() throws Exception {
    start();
    Random random = new Random(19);
    int answered = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] req =
          switch (i % 5) {
            case 0 -> "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            case 1 -> {
              byte[] junk = new byte[1 + random.nextInt(300)];
              random.nextBytes(junk);
              yield junk;
            }
            case 2 -> post("{\"q\": [1, {\"x\":", "application/json");
            case 3 -> post("q=%ZZ%&source=de", "application/x-www-form-urlencoded");
            default ->
                ("POST /translate HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
          };
      String reply = raw(req);
      assertThat(reply).doesNotContain("Exception").doesNotContain("\tat ");
      if (reply.startsWith("HTTP/1.1 4")) {
        answered++;
      }
    }
    assertThat(answered).isGreaterThan(700);
    Answer a = json("/translate", "{\"q\":\"Guten Morgen.\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("translatedText").asText()).isEqualTo(english("Guten Morgen."));
  }

  private static byte[] post(String body, String contentType) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /translate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + b.length
            + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  /** The fixture model behind a gate: each call waits until the test lets it through. */
  static final class GatedTranslator implements Translator {
    final Semaphore gate = new Semaphore(0);
    final Semaphore entered = new Semaphore(0);
    final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @Override
    public List<Translation> translate(List<String> sentences) {
      calls.add(List.copyOf(sentences));
      entered.release();
      gate.acquireUninterruptibly();
      return marian.translate(sentences);
    }

    @Override
    public String modelName() {
      return marian.modelName();
    }

    @Override
    public void close() {}
  }

  private GatedTranslator gated(ServeOptions options) throws Exception {
    GatedTranslator g = new GatedTranslator();
    gate = g;
    server =
        TranslationServer.start(
            options.withPort(0), new TranslationServer.Engine(g, s -> s.length(), 10_000));
    return g;
  }

  private CompletableFuture<HttpResponse<String>> async(String q) {
    HttpRequest r =
        HttpRequest.newBuilder(server.uri().resolve("/translate"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"q\":\"" + q + "\",\"source\":\"de\",\"target\":\"en\"}"))
            .build();
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitQueued(int sentences) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.stats().queued() != sentences && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(server.stats().queued()).isEqualTo(sentences);
  }

  @Test
  void aFullQueueIsAnswered429() throws Exception {
    GatedTranslator g = gated(ServeOptions.defaults().withMaxQueuedSentences(1));
    var first = async("Guten Morgen.");
    assertThat(g.entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    var second = async("Das ist gut.");
    awaitQueued(1);
    Answer third =
        json("/translate", "{\"q\":\"Noch einer.\",\"source\":\"de\",\"target\":\"en\"}");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.body().get("error").asText()).startsWith("Slowdown: ");
    g.gate.release(2);
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestWhoseClientWentAwayIsNeverTranslated() throws Exception {
    GatedTranslator g = gated(ServeOptions.defaults());
    var first = async("Guten Morgen.");
    assertThat(g.entered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    byte[] body =
        "{\"q\":\"Der Kunde ist weg.\",\"source\":\"de\",\"target\":\"en\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream o = s.getOutputStream();
      o.write(
          ("POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      o.write(body);
      o.flush();
      awaitQueued(1);
    }
    // The connection is closed: Jetty notices, the request's future is cancelled, and the queue
    // holds no live sentence.
    awaitQueued(0);
    var kept = async("Das bleibt.");
    awaitQueued(1);
    g.gate.release(10);
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(kept.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    List<String> translated = new ArrayList<>();
    g.calls.forEach(translated::addAll);
    assertThat(translated)
        .contains("Guten Morgen.", "Das bleibt.")
        .doesNotContain("Der Kunde ist weg.");
    assertThat(server.stats().dropped()).isEqualTo(1);
  }

  @Test
  void healthReportsTheModel() throws Exception {
    start();
    Answer a = get("/health");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("status").asText()).isEqualTo("ok");
    assertThat(a.body().get("model").asText()).isEqualTo("tiny-marian");
  }

  @Test
  void aTakenPortIsAnIOException() throws Exception {
    start();
    int port = server.port();
    try {
      TranslationServer.start(
              ServeOptions.defaults().withPort(port),
              TranslationServer.Engine.of(marian, GenerationOptions.defaults()))
          .close();
      org.junit.jupiter.api.Assertions.fail("the second server bound a taken port");
    } catch (java.io.IOException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
