package dragoman.review;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reviews documents: decides what each segment is (prose, boilerplate, not German), runs the
 * detectors on prose, and scores the findings with the {@link ReviewModel}.
 *
 * <p>With several workers the segments of a document are reviewed in parallel, each worker with its
 * own detectors (LanguageTool, OpenNLP and ONNX Runtime sessions are not thread-safe), while the
 * reviews still reach the sink one at a time, in the document's order and as soon as each is done;
 * at most {@link #WINDOW_PER_WORKER} segments per worker are in flight, so memory stays bounded
 * however long the document. A review does not depend on the number of workers: every detector sees
 * the same segment and the same document context, whose document-level statistics are computed once
 * and shared.
 *
 * <p>Thread-safe: reviews of several documents at once share the workers.
 */
public final class Reviewer implements AutoCloseable {
  /**
   * Segments in flight per worker. Large enough that the other workers keep going while one is held
   * up by a slow segment or LanguageTool's lazy set-up (seconds, once per process); small enough
   * that the reviews waiting for the sink take little memory (a few KB each).
   */
  static final int WINDOW_PER_WORKER = 64;

  private final ReviewOptions options;
  private final LanguageCheck language = new LanguageCheck();
  private final int workers;
  private final List<Detector> detectors;

  /** Workers not reviewing a segment right now. */
  private final BlockingQueue<Worker> idle;

  /** Analysers not in use: any worker may analyse any segment (the context caches its tokens). */
  private final BlockingQueue<GermanAnalyzer> analyzers;

  /** Runs the workers; null with one worker, which reviews in the caller's thread. */
  private final ExecutorService pool;

  public Reviewer(ReviewOptions options) {
    this(options, ReviewModel.load(), List.of());
  }

  /**
   * @param extra further detectors (e.g. {@link SourceAwareDetector}) run after the built-in ones
   */
  public Reviewer(ReviewOptions options, ReviewModel model, List<Detector> extra) {
    this(options, model, extra, 1);
  }

  /**
   * @param extra further detectors (e.g. {@link SourceAwareDetector}) run after the built-in ones;
   *     shared by the workers, which call each of them one at a time
   * @param workers how many segments are reviewed at once (each worker holds its own LanguageTool
   *     and OpenNLP state, about 100 MB)
   */
  public Reviewer(ReviewOptions options, ReviewModel model, List<Detector> extra, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.options = options;
    this.workers = workers;
    this.idle = new ArrayBlockingQueue<>(workers);
    this.analyzers = new ArrayBlockingQueue<>(workers);
    TranslationeseModel translationese = TranslationeseModel.load();
    List<Detector> shared = extra.stream().map(Reviewer::oneAtATime).toList();
    if (workers == 1) {
      this.pool = null;
      Worker w = new Worker(options, model, translationese, shared);
      idle.add(w);
      analyzers.add(new GermanAnalyzer(options.variant()));
      this.detectors = w.detectors;
      return;
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "review-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Built in parallel: each takes seconds (LanguageTool's rules), mostly on separate state.
    List<Future<Worker>> built = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      built.add(pool.submit(() -> new Worker(options, model, translationese, shared)));
      analyzers.add(new GermanAnalyzer(options.variant()));
    }
    List<Worker> ws = new ArrayList<>();
    for (Future<Worker> f : built) {
      ws.add(await(f));
    }
    idle.addAll(ws);
    this.detectors = ws.get(0).detectors;
  }

  public ReviewOptions options() {
    return options;
  }

  /** How many segments are reviewed at once. */
  public int workers() {
    return workers;
  }

  /** The detectors one worker runs, in order (every worker runs the same). */
  public List<Detector> detectors() {
    return detectors;
  }

  public List<SegmentReview> review(Document doc) {
    return review(doc, Map.of());
  }

  /**
   * @param english aligned English per segment id (empty without a source)
   * @return one review per segment of {@code doc}, in the document's order
   */
  public List<SegmentReview> review(Document doc, Map<String, String> english) {
    List<SegmentReview> out = new ArrayList<>();
    try {
      review(doc, english, (s, r) -> out.add(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the list sink does no I/O
    }
    return out;
  }

  /** Receives each segment's review as soon as it is done. */
  @FunctionalInterface
  public interface Sink {
    void accept(Segment segment, SegmentReview review) throws IOException;
  }

  /**
   * Reviews {@code doc} and hands each review to {@code sink}, in the document's order, as soon as
   * it and the ones before it are done, from the calling thread; so a caller can write records as
   * they are done and a long document never holds all its reviews (nor all its tokens: the context
   * keeps a bounded number) at once.
   *
   * @param english aligned English per segment id (empty without a source)
   */
  public void review(Document doc, Map<String, String> english, Sink sink) throws IOException {
    DocumentContext context =
        new DocumentContext(doc, options.variant(), this::analyze, english, this::help);
    boolean documentNotGerman = language.check(doc.text()).notGerman();
    List<Segment> segments = doc.segments();
    if (pool == null || segments.size() < 2) {
      for (Segment s : segments) {
        sink.accept(s, withWorker(w -> w.review(s, context, documentNotGerman)));
      }
      return;
    }
    int window = workers * WINDOW_PER_WORKER;
    ArrayDeque<Future<SegmentReview>> inFlight = new ArrayDeque<>(window);
    int next = 0;
    try {
      for (Segment s : segments) {
        while (next < segments.size() && inFlight.size() < window) {
          Segment t = segments.get(next++);
          inFlight.add(pool.submit(() -> withWorker(w -> w.review(t, context, documentNotGerman))));
        }
        sink.accept(s, await(inFlight.poll()));
      }
    } finally {
      // On a failure (a sink that cannot write), nothing more is started for this document.
      for (Future<SegmentReview> f : inFlight) {
        f.cancel(false);
      }
    }
  }

  /** Stops the worker threads and the learned detectors' sessions. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    for (Worker w : idle) {
      if (w.learned != null) {
        w.learned.close();
      }
    }
  }

  /**
   * Runs {@code task} on the other workers' threads once they are through the segments already
   * queued (it takes analysers, not workers, so it never waits for a segment's review).
   */
  private void help(Runnable task) {
    if (pool == null) {
      return;
    }
    for (int i = 1; i < workers; i++) {
      try {
        pool.execute(task);
      } catch (RejectedExecutionException e) {
        return; // closed: the caller does the work itself
      }
    }
  }

  private List<Token> analyze(Segment s) {
    GermanAnalyzer a = take(analyzers);
    try {
      return a.analyze(s.text(), s.start());
    } finally {
      analyzers.add(a);
    }
  }

  private interface Job<T> {
    T run(Worker w);
  }

  private <T> T withWorker(Job<T> job) {
    Worker w = take(idle);
    try {
      return job.run(w);
    } finally {
      idle.add(w);
    }
  }

  private static <T> T take(BlockingQueue<T> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("review interrupted");
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("review interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A detector shared by the workers, called by one of them at a time. */
  private static Detector oneAtATime(Detector d) {
    return new Detector() {
      @Override
      public String id() {
        return d.id();
      }

      @Override
      public List<Finding> detect(Segment segment, DocumentContext context) {
        synchronized (d) {
          return d.detect(segment, context);
        }
      }
    };
  }

  /** One worker's detectors; used by one thread at a time. */
  private static final class Worker {
    private final ReviewOptions options;
    private final ReviewModel model;
    private final List<Detector> detectors;
    private final DocumentDetector document = new DocumentDetector();
    private final LanguageCheck language = new LanguageCheck();
    private final TranslationeseDetector translationese;
    private final SpanDetector learned;

    Worker(ReviewOptions options, ReviewModel model, TranslationeseModel t, List<Detector> extra) {
      this.options = options;
      this.model = model;
      this.translationese = new TranslationeseDetector(t);
      GermanVariant v = options.variant();
      List<Detector> ds = new ArrayList<>();
      ds.addAll(ReviewRules.detectors(new GermanLexicon(v)));
      if (options.grammar()) {
        ds.add(new GrammarDetector(v, options.maxGrammarChars()));
      }
      ds.add(document);
      ds.add(translationese);
      this.learned = options.learned() ? new SpanDetector() : null;
      if (learned != null) {
        ds.add(learned);
      }
      ds.addAll(extra);
      this.detectors = List.copyOf(ds);
    }

    SegmentReview review(Segment s, DocumentContext context, boolean documentNotGerman) {
      LanguageCheck.Verdict verdict = language.check(s.text());
      if (documentNotGerman && !verdict.language().equals("de") || verdict.notGerman()) {
        String lang = verdict.notGerman() ? verdict.language() : "not de";
        Finding f =
            new Finding(
                "language",
                "not-german",
                s.start(),
                s.end(),
                "not German (looks like " + lang + "): not reviewed",
                null,
                Severity.INFO);
        return new SegmentReview(0, false, SegmentReview.NOT_GERMAN, List.of(f));
      }
      if (DocumentDetector.isNonProse(s, context)) {
        return new SegmentReview(0, false, SegmentReview.BOILERPLATE, document.detect(s, context));
      }
      List<Finding> findings = new ArrayList<>();
      for (Detector d : detectors) {
        try {
          findings.addAll(d.detect(s, context));
        } catch (RuntimeException e) {
          // One detector failing on odd input must not lose the others' findings.
          findings.add(
              new Finding(
                  d.id(),
                  "failed",
                  s.start(),
                  s.end(),
                  "detector failed: " + e.getClass().getSimpleName(),
                  null,
                  Severity.INFO));
        }
      }
      findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
      double t = translationese.logit(s);
      Map<String, Double> signals = new TreeMap<>();
      signals.put(SegmentReview.TRANSLATIONESE, t);
      double l = 0;
      double g = 0;
      if (learned != null) {
        l = learned.logit(s);
        g = learned.segmentLogit(s);
        signals.put(SegmentReview.LEARNED, l);
        signals.put(SegmentReview.LEARNED_SEGMENT, g);
      }
      double score = model.score(findings, t, l, g);
      if (findings.stream().allMatch(f -> f.severity() == Severity.INFO)) {
        // A flag must come with something a reviewer can act on: a score made of signals that
        // point at nothing stays just below the threshold.
        score = Math.min(score, Math.nextDown(options.threshold()));
      }
      return new SegmentReview(
          score, score >= options.threshold(), SegmentReview.PROSE, findings, signals);
    }
  }
}
