package dragoman.mt;

/**
 * How a translator runs, fixed when it is opened (after CTranslate2's {@code Translator}
 * constructor arguments): which files, how many cores, how large the batches. Of these only {@code
 * quantized} changes the English (other weights), and int8 output can also move with batch
 * composition (activations are quantized per tensor).
 *
 * @param maxBatchTokens source tokens per batch, padding included; a beam search counts each
 *     sentence {@code numBeams} times. 0 is automatic ({@link #batchTokens}): {@value
 *     #GREEDY_BATCH_TOKENS} for greedy search, {@value #BEAM_BATCH_TOKENS} for beam search. Default
 *     0.
 * @param threads ONNX Runtime intra-op threads of each worker; 0 shares the cores out among the
 *     workers (see {@link Parallelism}). Default 0.
 * @param batchWorkers batches decoded at the same time, each on its own thread (sessions are
 *     shared; ONNX Runtime runs are thread-safe). With {@code threads} intra-op threads each,
 *     {@code batchWorkers * threads} cores are busy. 1 decodes batch after batch; 0 is automatic:
 *     two on a machine with two or more cores unless {@code threads} is set, else one (see {@link
 *     Parallelism}). Default 0.
 * @param quantized use the int8 {@code onnx/*_quantized.onnx} files. Default false.
 * @param offline never download a model. Default false.
 */
public record RuntimeOptions(
    int maxBatchTokens, int threads, int batchWorkers, boolean quantized, boolean offline) {

  /**
   * The automatic batch budgets, measured with two batch workers on the 2-core benchmark machine
   * (eval/results/speed.md, real-size model, 500 sentences, two rounds): greedy 12.1 s at 2048
   * against 13.0 s at 4096; beam 4 32.2 s at 4096 against 37.4 s at 2048 (its batches hold a
   * quarter as many sentences, so the encoder and the shared first step run on small batches).
   */
  public static final int GREEDY_BATCH_TOKENS = 2048;

  public static final int BEAM_BATCH_TOKENS = 4096;

  public static final RuntimeOptions DEFAULTS = new RuntimeOptions(0, 0, 0, false, false);

  public RuntimeOptions {
    if (maxBatchTokens < 0) {
      throw new IllegalArgumentException("maxBatchTokens must be 0 (automatic) or positive");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (automatic) or positive");
    }
    if (batchWorkers < 0) {
      throw new IllegalArgumentException("batchWorkers must be 0 (automatic) or positive");
    }
  }

  public static RuntimeOptions defaults() {
    return DEFAULTS;
  }

  /** The batch budget for a search of {@code beams} beams: the one given, or the automatic one. */
  public int batchTokens(int beams) {
    if (maxBatchTokens > 0) {
      return maxBatchTokens;
    }
    return beams > 1 ? BEAM_BATCH_TOKENS : GREEDY_BATCH_TOKENS;
  }

  public RuntimeOptions withMaxBatchTokens(int v) {
    return new RuntimeOptions(v, threads, batchWorkers, quantized, offline);
  }

  public RuntimeOptions withThreads(int v) {
    return new RuntimeOptions(maxBatchTokens, v, batchWorkers, quantized, offline);
  }

  public RuntimeOptions withBatchWorkers(int v) {
    return new RuntimeOptions(maxBatchTokens, threads, v, quantized, offline);
  }

  public RuntimeOptions withQuantized(boolean v) {
    return new RuntimeOptions(maxBatchTokens, threads, batchWorkers, v, offline);
  }

  public RuntimeOptions withOffline(boolean v) {
    return new RuntimeOptions(maxBatchTokens, threads, batchWorkers, quantized, v);
  }
}
