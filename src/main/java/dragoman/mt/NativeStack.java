package dragoman.mt;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs ONNX Runtime work on a thread with a large stack. Creating sessions for the merged decoder
 * (nested {@code If} subgraphs) overflows the 1 MB stack the {@code java} launcher gives the main
 * thread and kills the JVM with a segmentation fault (measured here with ONNX Runtime 1.29 on the
 * fixture: {@code -Xss4m} avoids it); a thread created with a 64 MB stack request does not depend
 * on how the JVM was started. The review's span detector loads its ONNX session the same way.
 */
public final class NativeStack {
  public static final long STACK_BYTES = 64L << 20;

  /** Work that may fail with a {@link ModelException}. */
  @FunctionalInterface
  public interface Work<T> {
    T call() throws ModelException;
  }

  private NativeStack() {}

  public static <T> T run(String name, Work<T> work) throws ModelException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.call());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            name,
            STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + name, e);
    }
    Throwable e = failure.get();
    if (e instanceof ModelException me) {
      throw me;
    }
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return result.get();
  }

  /** The same for work that throws nothing checked. */
  public static <T> T call(String name, Callable<T> work) {
    try {
      return run(
          name,
          () -> {
            try {
              return work.call();
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (ModelException e) {
      throw new IllegalStateException(e.oneLine(), e);
    }
  }
}
