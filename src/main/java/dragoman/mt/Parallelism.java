package dragoman.mt;

/**
 * How translation uses the cores: {@code workers} batches decoded side by side, each ONNX Runtime
 * call on {@code threadsPerWorker} intra-op threads.
 *
 * <p>Left to itself (no {@code --threads}, no {@code --batch-workers}) a machine with two or more
 * cores gets two workers with half the cores each. Measured on the 2-core benchmark machine
 * (eval/results/speed.md): two single-threaded workers against one two-threaded, 500 sentences,
 * three rounds, 4% faster for fp32 and 17% for int8 (fewer thread hand-offs inside each small
 * decoder op, and one worker's search runs while the other's graph does); four threads on two cores
 * (two workers of two) were slower than either.
 *
 * @param workers batches decoded at the same time
 * @param threadsPerWorker ONNX Runtime intra-op threads (the sessions are shared by the workers)
 */
public record Parallelism(int workers, int threadsPerWorker) {
  public Parallelism {
    if (workers < 1 || threadsPerWorker < 1) {
      throw new IllegalArgumentException("workers and threads must be positive");
    }
  }

  /** Resolves the options' automatic values (0) for a machine with {@code cores} cores. */
  public static Parallelism of(RuntimeOptions options, int cores) {
    int available = Math.max(1, cores);
    int workers = options.batchWorkers();
    if (workers == 0) {
      // An explicit thread count is the user's budget for the whole run: one worker gets it.
      workers = options.threads() == 0 && available >= 2 ? 2 : 1;
    }
    int threads = options.threads() > 0 ? options.threads() : Math.max(1, available / workers);
    return new Parallelism(workers, threads);
  }

  /** For this machine ({@link Runtime#availableProcessors()}). */
  public static Parallelism of(RuntimeOptions options) {
    return of(options, Runtime.getRuntime().availableProcessors());
  }
}
