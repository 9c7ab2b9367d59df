package dragoman.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.align.AlignOptions;
import dragoman.align.Bead;
import dragoman.align.SentenceAligner;
import dragoman.export.AlignmentWriter;
import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.formats.HtmlTranslation;
import dragoman.mt.DynamicBatcher;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import dragoman.review.GermanVariant;
import dragoman.review.ReviewModel;
import dragoman.review.ReviewOptions;
import dragoman.review.Reviewer;
import dragoman.review.SegmentReview;
import dragoman.text.BadInputException;
import dragoman.text.Document;
import dragoman.text.DocumentSegmenter;
import dragoman.text.Language;
import dragoman.text.Segment;
import dragoman.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code dragoman serve}: an HTTP server (Jetty 12, its core handler API) that speaks
 * LibreTranslate's API ({@code POST /translate}, {@code POST /detect}, {@code GET /languages}, with
 * its field names, answers and error shapes, checked against LibreTranslate's {@code app.py}) and
 * Dragoman's own {@code POST /review}, {@code POST /align} and {@code GET /health}.
 *
 * <p>Translation requests go through one {@link DynamicBatcher}: requests arriving together share
 * the model's batches. Each request's future is cancelled when its client goes away (Jetty reports
 * the connection's failure), so the batcher drops it if its call has not started. Every error is
 * {@code {"error": "..."}} with LibreTranslate's status; nothing answers with a stack trace.
 */
public final class TranslationServer implements AutoCloseable {
  /**
   * What translates: the translator, how it counts a sentence's source tokens, and the source
   * tokens one call may hold.
   */
  public record Engine(Translator translator, ToIntFunction<String> tokens, int tokenBudget) {

    /**
     * A Marian model with the budget of {@code dragoman translate}: {@link
     * dragoman.mt.RuntimeOptions#batchTokens} per batch (beams counted), as many batches at once as
     * the translator has workers.
     */
    public static Engine of(MarianTranslator translator, GenerationOptions options) {
      int beams = Math.max(1, translator.settings().numBeams());
      long rows = (long) options.runtime().batchTokens(beams) * translator.parallelism().workers();
      int budget = (int) Math.max(1, Math.min(Integer.MAX_VALUE, rows / beams));
      return new Engine(translator, s -> translator.encode(s).length, budget);
    }
  }

  private static final ObjectMapper JSON = JsonlWriter.mapper();

  private final ServeOptions options;
  private final Engine engine;
  private final DynamicBatcher batcher;
  private final TextTranslation text = new TextTranslation();
  private final LanguageDetection detection = new LanguageDetection();
  private final Map<ReviewOptions, Reviewer> reviewers = new ConcurrentHashMap<>();
  private final ClientWatch clients = new ClientWatch();
  private final Server server;
  private final ServerConnector connector;

  private TranslationServer(ServeOptions options, Engine engine) {
    this.options = options;
    this.engine = engine;
    this.batcher =
        new DynamicBatcher(
            engine.translator(),
            engine.tokens(),
            new DynamicBatcher.Settings(
                options.window(), engine.tokenBudget(), options.maxQueuedSentences()));
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("serve");
    threads.setDaemon(true);
    this.server = new Server(threads);
    this.connector = new ServerConnector(server);
    connector.setHost(options.host());
    connector.setPort(options.port());
    // Long enough for a request that waits behind a full queue; a client that goes away is
    // noticed through its connection, not this timeout.
    connector.setIdleTimeout(300_000);
    server.addConnector(connector);
    server.setHandler(new Routes());
    server.setErrorHandler(new JsonErrorHandler());
  }

  /**
   * Binds and starts serving. The translator stays the caller's to close (after this server).
   *
   * @throws IOException the address cannot be bound (e.g. the port is taken)
   */
  public static TranslationServer start(ServeOptions options, Engine engine) throws IOException {
    TranslationServer s = new TranslationServer(options, engine);
    try {
      s.server.start();
    } catch (IOException e) {
      s.close();
      throw e;
    } catch (Exception e) {
      s.close();
      throw new IOException(e.getMessage(), e);
    }
    return s;
  }

  /** The port bound (the one asked for, or the free one picked for port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public URI uri() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  public DynamicBatcher.Stats stats() {
    return batcher.stats();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping a server that never started, or one whose connector already failed.
    }
    clients.close();
    batcher.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Routing.

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      cors(response);
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      try {
        if (method.equals("OPTIONS")) {
          response.setStatus(200);
          callback.succeeded();
          return true;
        }
        switch (path) {
          case "/languages" -> {
            expect(method, "GET");
            send(response, callback, 200, languages());
          }
          case "/health" -> {
            expect(method, "GET");
            send(response, callback, 200, health());
          }
          case "/translate" -> {
            expect(method, "POST");
            RequestFields f = fields(request);
            options.apiKeys().check(f.text("api_key"));
            CompletableFuture<Map<String, Object>> answer = translate(f);
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            request.addFailureListener(t -> answer.cancel(false));
            clients.watch(endPoint, answer);
            answer.whenComplete(
                (result, failure) -> {
                  if (clients.tookBytes(endPoint)) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                  }
                  if (failure == null) {
                    send(response, callback, 200, result);
                  } else if (failure instanceof CancellationException) {
                    callback.failed(failure);
                  } else {
                    fail(response, callback, failure);
                  }
                });
          }
          case "/detect" -> {
            expect(method, "POST");
            RequestFields f = fields(request);
            options.apiKeys().check(f.text("api_key"));
            String q = f.text("q");
            if (q == null) {
              throw ApiError.missing("q");
            }
            send(response, callback, 200, detection.detect(q));
          }
          case "/review" -> {
            expect(method, "POST");
            RequestFields f = fields(request);
            options.apiKeys().check(f.text("api_key"));
            send(response, callback, 200, review(f));
          }
          case "/align" -> {
            expect(method, "POST");
            RequestFields f = fields(request);
            options.apiKeys().check(f.text("api_key"));
            send(response, callback, 200, align(f));
          }
          default -> throw new ApiError(404, "Not Found");
        }
      } catch (ApiError e) {
        error(response, callback, e.status(), e.getMessage());
      } catch (RuntimeException e) {
        fail(response, callback, e);
      }
      return true;
    }
  }

  private static void expect(String method, String allowed) throws ApiError {
    if (!method.equals(allowed)) {
      throw new ApiError(405, "Method Not Allowed");
    }
  }

  /** Reads the body, at most {@link ServeOptions#maxBodyBytes}, and parses its parameters. */
  private RequestFields fields(Request request) throws ApiError {
    long declared = request.getLength();
    int max = options.maxBodyBytes();
    if (declared > max) {
      throw tooLarge(max);
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(max + 1);
    } catch (IOException e) {
      throw ApiError.badRequest("Invalid request: cannot read the body");
    }
    if (body.length > max) {
      throw tooLarge(max);
    }
    return RequestFields.parse(
        request.getHeaders().get(HttpHeader.CONTENT_TYPE), body, request.getHttpURI().getQuery());
  }

  private static ApiError tooLarge(int max) {
    return new ApiError(413, "Request entity too large: the body is over " + max + " bytes");
  }

  // ---------------------------------------------------------------------------------------------
  // LibreTranslate's endpoints.

  private static List<Map<String, Object>> languages() {
    return List.of(language("de", "German", List.of("en")), language("en", "English", List.of()));
  }

  private static Map<String, Object> language(String code, String name, List<String> targets) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("targets", targets);
    return m;
  }

  private static String languageName(String code) {
    return code.equals("de") ? "German" : code.equals("en") ? "English" : code;
  }

  /** Validates as LibreTranslate's {@code translate()} does, in its order, then translates. */
  private CompletableFuture<Map<String, Object>> translate(RequestFields f) throws ApiError {
    List<String> q = f.texts("q");
    String source = f.text("source");
    String target = f.text("target");
    String format = f.text("format");
    if (q == null) {
      throw ApiError.missing("q");
    }
    if (source == null) {
      throw ApiError.missing("source");
    }
    if (target == null) {
      throw ApiError.missing("target");
    }
    int alternatives = Math.max(0, f.integer("alternatives", 0));
    boolean batch = f.isArray("q");
    List<String> texts = new ArrayList<>(q.size());
    for (String t : q) {
      texts.add(text.normalize(t));
    }
    if (options.charLimit() != -1) {
      for (String t : texts) {
        int size = t.codePointCount(0, t.length());
        if (size > options.charLimit()) {
          throw ApiError.badRequest(
              "Invalid request: request ("
                  + size
                  + ") exceeds text limit ("
                  + options.charLimit()
                  + ")");
        }
      }
    }
    Object detected = null;
    String from = source;
    if (source.equals("auto")) {
      // LibreTranslate detects over all texts at once and reports that language for each.
      LanguageDetection.Candidate first = detection.detect(String.join("\n", texts)).get(0);
      from = first.language();
      detected = batch ? java.util.Collections.nCopies(texts.size(), first) : first;
    }
    if (!from.equals("de") && !from.equals("en")) {
      throw ApiError.badRequest(source + " is not supported");
    }
    if (!target.equals("de") && !target.equals("en")) {
      throw ApiError.badRequest(target + " is not supported");
    }
    if (!(from.equals("de") && target.equals("en"))) {
      throw ApiError.badRequest(
          languageName(target)
              + " ("
              + target
              + ") is not available as a target language from "
              + languageName(from)
              + " ("
              + from
              + ")");
    }
    if (format == null) {
      format = "text";
    }
    if (!format.equals("text") && !format.equals("html")) {
      throw ApiError.badRequest(format + " format is not supported");
    }
    if (format.equals("html")) {
      return translateHtml(texts, batch, detected);
    }
    List<TextTranslation.Cut> cuts = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    for (String t : texts) {
      TextTranslation.Cut cut = text.cut(t);
      cuts.add(cut);
      sentences.addAll(cut.sentences());
    }
    CompletableFuture<List<Translation>> english;
    try {
      english = batcher.submit(sentences);
    } catch (DynamicBatcher.QueueFullException e) {
      throw new ApiError(429, "Slowdown: " + e.getMessage() + "; try again shortly");
    }
    Object detectedLanguage = detected;
    CompletableFuture<Map<String, Object>> answer =
        english.thenApply(
            ts -> {
              List<String> out = new ArrayList<>(cuts.size());
              int at = 0;
              for (TextTranslation.Cut cut : cuts) {
                int n = cut.segments().size();
                out.add(cut.join(ts.subList(at, at + n).stream().map(Translation::text).toList()));
                at += n;
              }
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("translatedText", batch ? out : out.get(0));
              if (detectedLanguage != null) {
                result.put("detectedLanguage", detectedLanguage);
              }
              if (alternatives > 0) {
                // The engine returns its best hypothesis only, so there is no alternative to offer;
                // LibreTranslate answers the same way where its translator has none (format=html).
                result.put(
                    "alternatives",
                    batch ? java.util.Collections.nCopies(out.size(), List.of()) : List.of());
              }
              return result;
            });
    // Cancelling the answer (the client went away) cancels the batcher's request beneath it.
    answer.whenComplete(
        (r, t) -> {
          if (t instanceof CancellationException) {
            english.cancel(false);
          }
        });
    return answer;
  }

  /**
   * {@code format=html}: each page read by {@link HtmlTranslation} (the path of {@code dragoman
   * translate page.html}), the sentences of all pages translated together with every other
   * request's, each page written back.
   */
  private CompletableFuture<Map<String, Object>> translateHtml(
      List<String> texts, boolean batch, Object detected) throws ApiError {
    List<HtmlTranslation.Page> pages = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    try {
      for (String t : texts) {
        HtmlTranslation.Page page = HtmlTranslation.read(t);
        pages.add(page);
        sentences.addAll(page.toTranslate());
      }
    } catch (BadInputException e) {
      pages.forEach(HtmlTranslation.Page::close);
      throw ApiError.badRequest("Invalid request: " + e.getMessage());
    }
    CompletableFuture<List<Translation>> english;
    try {
      english = batcher.submit(sentences);
    } catch (DynamicBatcher.QueueFullException e) {
      pages.forEach(HtmlTranslation.Page::close);
      throw new ApiError(429, "Slowdown: " + e.getMessage() + "; try again shortly");
    }
    String model = engine.translator().modelName();
    CompletableFuture<Map<String, Object>> answer =
        english.thenApply(
            ts -> {
              List<String> out = new ArrayList<>();
              int at = 0;
              for (HtmlTranslation.Page page : pages) {
                int n = page.toTranslate().size();
                out.add(page.write(ts.subList(at, at + n), model));
                at += n;
              }
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("translatedText", batch ? out : out.get(0));
              if (detected != null) {
                result.put("detectedLanguage", detected);
              }
              return result;
            });
    answer.whenComplete(
        (r, t) -> {
          pages.forEach(HtmlTranslation.Page::close);
          if (t instanceof CancellationException) {
            english.cancel(false);
          }
        });
    return answer;
  }

  // ---------------------------------------------------------------------------------------------
  // Dragoman's endpoints.

  private Map<String, Object> health() {
    DynamicBatcher.Stats s = batcher.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ok");
    m.put("model", engine.translator().modelName());
    m.put("queued", s.queued());
    m.put("calls", s.calls());
    m.put("requests", s.requests());
    m.put("sentences", s.sentences());
    m.put("dropped", s.dropped());
    return m;
  }

  /**
   * {@code {"text", "doc"?, "threshold"?, "variant"?, "grammar"?}} to {@code {"segments": [...]}},
   * each segment the record {@code dragoman review} writes as a JSONL line.
   */
  private Map<String, Object> review(RequestFields f) throws ApiError {
    String t = f.text("text");
    if (t == null) {
      throw ApiError.missing("text");
    }
    String doc = Optional.ofNullable(f.text("doc")).orElse("text");
    ReviewOptions o;
    try {
      o =
          ReviewOptions.defaults()
              .withThreshold(f.number("threshold", ReviewOptions.DEFAULT_THRESHOLD))
              .withVariant(
                  GermanVariant.fromCode(Optional.ofNullable(f.text("variant")).orElse("de-DE")))
              .withGrammar(f.flag("grammar", true));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid request: " + e.getMessage());
    }
    Document d =
        new DocumentSegmenter(Language.GERMAN).segment(doc, new TextNormalizer().normalize(t));
    Reviewer reviewer =
        reviewers.computeIfAbsent(o, k -> new Reviewer(k, ReviewModel.load(), List.of()));
    List<SegmentReview> reviews;
    synchronized (reviewer) {
      reviews = reviewer.review(d);
    }
    List<SegmentRecord> out = new ArrayList<>();
    List<Segment> segments = d.segments();
    for (int i = 0; i < segments.size(); i++) {
      out.add(SegmentRecord.of(segments.get(i)).withReview(reviews.get(i)));
    }
    return Map.of("segments", out);
  }

  /**
   * {@code {"source", "target", "translate"?}} to {@code {"beads": [...]}}, each bead the record
   * {@code dragoman align --format jsonl} writes; with {@code translate: true} the German is first
   * translated by the server's model, as {@code align --model} does.
   */
  private Map<String, Object> align(RequestFields f) throws ApiError {
    String src = f.text("source");
    String tgt = f.text("target");
    if (src == null) {
      throw ApiError.missing("source");
    }
    if (tgt == null) {
      throw ApiError.missing("target");
    }
    TextNormalizer normalizer = new TextNormalizer();
    List<String> de =
        sentences(
            new DocumentSegmenter(Language.GERMAN).segment("source", normalizer.normalize(src)));
    List<String> en =
        sentences(
            new DocumentSegmenter(Language.ENGLISH).segment("target", normalizer.normalize(tgt)));
    SentenceAligner.Translations translations = SentenceAligner.Translations.none();
    if (f.flag("translate", false) && !de.isEmpty() && !en.isEmpty()) {
      try {
        List<String> english = batcher.submit(de).join().stream().map(Translation::text).toList();
        translations = SentenceAligner.Translations.ofSource(english);
      } catch (DynamicBatcher.QueueFullException e) {
        throw new ApiError(429, "Slowdown: " + e.getMessage() + "; try again shortly");
      }
    }
    List<Bead> beads = new SentenceAligner(AlignOptions.defaults()).align(de, en, translations);
    return Map.of("beads", AlignmentWriter.records(beads, de, en));
  }

  private static List<String> sentences(Document d) {
    return d.segments().stream().map(Segment::text).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Answers.

  private static void cors(Response response) {
    // As LibreTranslate's after_request, so browser extensions and web pages may call it.
    HttpFields.Mutable h = response.getHeaders();
    h.put("Access-Control-Allow-Origin", "*");
    h.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
    h.put("Access-Control-Expose-Headers", "Authorization");
    h.put("Access-Control-Allow-Methods", "GET, POST");
  }

  private static void send(Response response, Callback callback, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      error(response, callback, 500, "Cannot write the answer: " + e.getOriginalMessage());
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  static void error(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(errorBody(message)), callback);
  }

  static byte[] errorBody(String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("error", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unexpected failure: 500 with one line, LibreTranslate's "Cannot translate text: ...". */
  private static void fail(Response response, Callback callback, Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    error(response, callback, 500, "Cannot translate text: " + m.lines().findFirst().orElse(""));
  }

  /** Jetty's own errors (malformed HTTP, bad URIs) in the same {@code {"error"}} shape. */
  private static final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      String m = message == null || message.isEmpty() ? HttpStatus.getMessage(code) : message;
      error(response, callback, code, m.lines().findFirst().orElse(""));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
      String m = reason == null || reason.isEmpty() ? HttpStatus.getMessage(status) : reason;
      return ByteBuffer.wrap(errorBody(m));
    }
  }
}
