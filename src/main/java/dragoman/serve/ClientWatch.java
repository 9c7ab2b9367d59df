package dragoman.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Notices clients that went away while their request waits for the model, and cancels the request's
 * future so the batcher drops it.
 *
 * <p>HTTP/1.1 gives no signal for that: once a request's body is read, Jetty does not read the
 * connection again until the answer is written, so a closed socket goes unseen (its failure
 * listeners fire only on what Jetty itself reads or writes). So every {@link #PERIOD_MS} ms each
 * waiting request's connection gets one non-blocking read: end of stream (or a reset) means the
 * client is gone. A client that pipelines its next request has those bytes taken by this read; its
 * connection is then closed after the answer (RFC 9112 section 9.3.2: the client retries requests
 * left unanswered), never left with half a request.
 */
final class ClientWatch implements AutoCloseable {
  static final long PERIOD_MS = 50;

  private record Waiting(EndPoint endPoint, CompletableFuture<?> future) {}

  private final Map<Object, Waiting> waiting = new ConcurrentHashMap<>();
  private final Map<EndPoint, Boolean> pipelined = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "serve-client-watch");
            t.setDaemon(true);
            return t;
          });

  ClientWatch() {
    timer.scheduleWithFixedDelay(this::probe, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Watches {@code endPoint} until {@code future} completes; cancels it if the client goes. */
  void watch(EndPoint endPoint, CompletableFuture<?> future) {
    Object key = new Object();
    waiting.put(key, new Waiting(endPoint, future));
    future.whenComplete((r, t) -> waiting.remove(key));
  }

  /** Whether a probe read bytes of a next request on this connection (close it after answering). */
  boolean tookBytes(EndPoint endPoint) {
    return pipelined.remove(endPoint) != null;
  }

  private void probe() {
    ByteBuffer buffer = BufferUtil.allocate(512);
    for (Waiting w : waiting.values()) {
      if (w.future().isDone()) {
        continue;
      }
      BufferUtil.clear(buffer);
      int n;
      try {
        n = w.endPoint().fill(buffer);
      } catch (IOException | RuntimeException e) {
        n = -1;
      }
      if (n < 0) {
        w.future().cancel(false);
      } else if (n > 0) {
        pipelined.put(w.endPoint(), Boolean.TRUE);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
