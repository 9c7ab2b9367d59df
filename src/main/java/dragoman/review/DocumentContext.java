package dragoman.review;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a detector may know about the document around a segment: the document itself, the variant,
 * the segment's tokens (analysed once and shared by all detectors), and, when an English source was
 * given, the English aligned to each segment.
 */
public final class DocumentContext {
  private final Document document;
  private final GermanVariant variant;
  private final Function<Segment, List<Token>> analyzer;
  private final Map<String, String> english;

  /**
   * Token lists kept for reuse. Bounded: a document of 150,000 sentences on one line must not keep
   * every sentence's tokens; {@link DocumentDetector} reads all segments of documents up to its own
   * limit, which this covers, so those are analysed once.
   */
  static final int TOKEN_CACHE = 4096;

  /**
   * Each segment's tokens as a future, so that several workers reviewing the document at once
   * analyse a segment once and never wait for one another's other segments. Guarded by itself.
   */
  private final Map<String, CompletableFuture<List<Token>>> tokens =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<String, CompletableFuture<List<Token>>> eldest) {
          return size() > TOKEN_CACHE;
        }
      };

  /** Next segment index for {@link #analyzeAll()}, shared by the workers that help with it. */
  private final AtomicInteger nextToAnalyze = new AtomicInteger();

  /** Set once {@link #analyzeAll()} has finished: later calls return at once. */
  private volatile boolean allAnalyzed;

  /** Asks idle workers to join {@link #analyzeAll()}; set at most once. */
  private final Consumer<Runnable> helpers;

  private final AtomicBoolean helpAsked = new AtomicBoolean();

  /** Values computed once per document for the detectors ({@link #shared}). */
  private final Map<String, Object> shared = new ConcurrentHashMap<>();

  /**
   * @param analyzer turns a segment into tokens with document offsets; called from the threads that
   *     review the document, at most once per segment while its tokens are cached, so it must be
   *     thread-safe when several review at once
   * @param english aligned English per segment id; empty when no source was given
   */
  public DocumentContext(
      Document document,
      GermanVariant variant,
      Function<Segment, List<Token>> analyzer,
      Map<String, String> english) {
    this(document, variant, analyzer, english, task -> {});
  }

  /**
   * @param helpers given a task that analyses the rest of the document, runs it on the workers that
   *     have nothing else to do (so one worker does not analyse a long document alone while the
   *     others wait for its segment); or ignores it
   */
  public DocumentContext(
      Document document,
      GermanVariant variant,
      Function<Segment, List<Token>> analyzer,
      Map<String, String> english,
      Consumer<Runnable> helpers) {
    this.document = document;
    this.variant = variant;
    this.analyzer = analyzer;
    this.english = Map.copyOf(english);
    this.helpers = helpers;
  }

  public Document document() {
    return document;
  }

  public GermanVariant variant() {
    return variant;
  }

  /** The segment's tokens, computed on first use (thread-safe). */
  public List<Token> tokens(Segment segment) {
    CompletableFuture<List<Token>> mine = null;
    CompletableFuture<List<Token>> f;
    synchronized (tokens) {
      f = tokens.get(segment.id());
      if (f == null) {
        mine = new CompletableFuture<>();
        tokens.put(segment.id(), mine);
        f = mine;
      }
    }
    if (mine != null) {
      try {
        mine.complete(List.copyOf(analyzer.apply(segment)));
      } catch (RuntimeException | Error e) {
        synchronized (tokens) {
          tokens.remove(segment.id(), mine);
        }
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Analyses every segment of the document, for a detector that needs them all. Each caller takes
   * the segments nobody has taken yet, so workers reviewing the document at once share the work
   * (the first call also asks the idle ones to help), then waits for those still in progress.
   */
  public void analyzeAll() {
    if (allAnalyzed) {
      return;
    }
    if (helpAsked.compareAndSet(false, true)) {
      helpers.accept(this::analyzeAll);
    }
    List<Segment> segments = document.segments();
    for (int i = nextToAnalyze.getAndIncrement();
        i < segments.size();
        i = nextToAnalyze.getAndIncrement()) {
      tokens(segments.get(i));
    }
    for (Segment s : segments) {
      tokens(s);
    }
    allAnalyzed = true;
  }

  /**
   * A value about the whole document, computed once by the first caller (others wait for it) and
   * kept as long as the context: e.g. the noun counts of {@link DocumentDetector}.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Function<DocumentContext, T> compute) {
    return (T) shared.computeIfAbsent(key, k -> compute.apply(this));
  }

  /** The English aligned to the segment, or null. */
  public String english(Segment segment) {
    return english.get(segment.id());
  }
}
