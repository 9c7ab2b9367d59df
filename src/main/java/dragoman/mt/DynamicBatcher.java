package dragoman.mt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Gathers translation requests that arrive at the same time into shared calls of {@link
 * Translator#translate}, so many small requests (a server's clients, one sentence each) fill the
 * decoder batches that one large call would (the dynamic batching of serving systems such as NVIDIA
 * Triton's dynamic batcher and Hugging Face text-generation-inference).
 *
 * <p>One dispatcher thread takes the oldest request, then keeps taking requests in arrival order
 * while their source tokens fit {@link Settings#tokenBudget} and, once the queue is empty, waits at
 * most {@link Settings#window} for more; then it translates them in one call and completes each
 * request's future with its own translations. While a call runs, new requests queue up, so a loaded
 * batcher starts each call with a full budget and never waits. A request is never split across
 * calls (the translator plans its own batches inside one call); a request larger than the budget is
 * a call of its own.
 *
 * <p>The queue is bounded by {@link Settings#maxQueuedSentences}: {@link #submit} refuses a request
 * that would overfill it ({@link QueueFullException}) instead of letting memory and latency grow
 * without limit. A request whose future is cancelled before its call starts (its client went away)
 * is dropped and never translated. Engine-independent: it only sees {@link Translator}.
 */
public final class DynamicBatcher implements AutoCloseable {
  /**
   * @param window longest wait for further requests once the queue is empty; 0 translates what is
   *     there at once. Default 5 ms: a few HTTP round trips on loopback, small beside one decoder
   *     batch (tens of milliseconds or more).
   * @param tokenBudget source tokens (as the counter given to the constructor counts them) in one
   *     call; requests are added while the sum fits
   * @param maxQueuedSentences sentences waiting (not yet in a call) at most; a request that would
   *     pass it is refused, unless the queue is empty
   */
  public record Settings(Duration window, int tokenBudget, int maxQueuedSentences) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(5);
    public static final int DEFAULT_MAX_QUEUED_SENTENCES = 4096;

    public Settings {
      if (window.isNegative()) {
        throw new IllegalArgumentException("window must not be negative");
      }
      if (tokenBudget < 1 || maxQueuedSentences < 1) {
        throw new IllegalArgumentException("tokenBudget and maxQueuedSentences must be positive");
      }
    }
  }

  /** The queue holds too many sentences to take this request now; try again later. */
  public static final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueueFullException(int queued, int limit) {
      super(queued + " sentences are waiting (at most " + limit + ")");
    }
  }

  /**
   * Counts since the start, for health reports and tests: calls of the translator, requests and
   * sentences translated, requests dropped because they were cancelled, sentences waiting.
   */
  public record Stats(long calls, long requests, long sentences, long dropped, int queued) {}

  private record Pending(
      List<String> sentences, long tokens, CompletableFuture<List<Translation>> future) {}

  private final Translator translator;
  private final ToIntFunction<String> tokenCount;
  private final Settings settings;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Object lock = new Object();
  private final Thread dispatcher;
  private int queuedSentences; // guarded by lock
  private boolean closed; // guarded by lock
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong sentences = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param translator does the work; only the dispatcher thread calls it
   * @param tokenCount source tokens of a sentence (e.g. its token ids' length)
   */
  public DynamicBatcher(
      Translator translator, ToIntFunction<String> tokenCount, Settings settings) {
    this.translator = translator;
    this.tokenCount = tokenCount;
    this.settings = settings;
    this.dispatcher = new Thread(this::dispatch, "translate-batcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * Queues sentences for translation. Cancel the future to drop a request that has not started.
   *
   * @return completes with one translation per sentence, in order, or exceptionally with what the
   *     translator threw
   * @throws QueueFullException the queue is full; nothing was queued
   */
  public CompletableFuture<List<Translation>> submit(List<String> request) {
    CompletableFuture<List<Translation>> future = new CompletableFuture<>();
    if (request.isEmpty()) {
      future.complete(List.of());
      return future;
    }
    long tokens = 0;
    for (String s : request) {
      tokens += Math.max(1, tokenCount.applyAsInt(s));
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the batcher is closed");
      }
      if (queuedSentences > 0 && queuedSentences + request.size() > settings.maxQueuedSentences()) {
        throw new QueueFullException(queuedSentences, settings.maxQueuedSentences());
      }
      queue.addLast(new Pending(List.copyOf(request), tokens, future));
      queuedSentences += request.size();
      lock.notifyAll();
    }
    return future;
  }

  /** The counts; {@code queued} counts the sentences of live (not cancelled) waiting requests. */
  public Stats stats() {
    synchronized (lock) {
      int live = 0;
      for (Pending p : queue) {
        live += p.future().isDone() ? 0 : p.sentences().size();
      }
      return new Stats(calls.get(), requests.get(), sentences.get(), dropped.get(), live);
    }
  }

  private void dispatch() {
    while (true) {
      List<Pending> batch;
      try {
        batch = gather();
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        return;
      }
      if (!batch.isEmpty()) {
        run(batch);
      }
    }
  }

  /** The next call's requests (live ones only), or null once closed and drained. */
  private List<Pending> gather() throws InterruptedException {
    List<Pending> batch = new ArrayList<>();
    long tokens = 0;
    long deadline = 0;
    synchronized (lock) {
      while (true) {
        Pending next = queue.peekFirst();
        if (next != null && next.future().isDone()) {
          take();
          dropped.incrementAndGet();
          continue;
        }
        if (next != null) {
          if (!batch.isEmpty() && tokens + next.tokens() > settings.tokenBudget()) {
            return batch;
          }
          take();
          batch.add(next);
          tokens += next.tokens();
          if (tokens >= settings.tokenBudget()) {
            return batch;
          }
          continue;
        }
        // The queue is empty.
        if (closed) {
          return batch.isEmpty() ? null : batch;
        }
        if (batch.isEmpty()) {
          lock.wait();
          continue;
        }
        long now = System.nanoTime();
        if (deadline == 0) {
          deadline = now + settings.window().toNanos();
        }
        long left = deadline - now;
        if (left <= 0) {
          return batch;
        }
        lock.wait(Math.max(1, left / 1_000_000), 0);
      }
    }
  }

  private void take() {
    Pending p = queue.removeFirst();
    queuedSentences -= p.sentences().size();
  }

  private void run(List<Pending> batch) {
    List<Pending> live = batch.stream().filter(p -> !p.future().isDone()).toList();
    dropped.addAndGet(batch.size() - live.size());
    if (live.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>();
    for (Pending p : live) {
      all.addAll(p.sentences());
    }
    List<Translation> out;
    try {
      out = translator.translate(all);
    } catch (RuntimeException | Error e) {
      for (Pending p : live) {
        p.future().completeExceptionally(e);
      }
      return;
    }
    calls.incrementAndGet();
    requests.addAndGet(live.size());
    sentences.addAndGet(all.size());
    int from = 0;
    for (Pending p : live) {
      int to = from + p.sentences().size();
      p.future().complete(List.copyOf(out.subList(from, to)));
      from = to;
    }
  }

  /** Stops taking requests; those queued are still translated. Does not close the translator. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      dispatcher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
