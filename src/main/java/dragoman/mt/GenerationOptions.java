package dragoman.mt;

/**
 * Every knob of translation in one flat value (after CTranslate2's {@code TranslationOptions}). The
 * CLI maps its flags onto this record and nothing else knows about flags. A field left at its "from
 * the model" value ({@code 0}, {@code NaN} or {@code null}) takes the model's {@code
 * generation_config.json}.
 *
 * @param numBeams beam width; 1 is greedy search, 0 takes {@code num_beams} from the model
 *     (opus-mt: 4). Default 0.
 * @param lengthPenalty exponent on the hypothesis length in beam scores (Hugging Face {@code
 *     length_penalty}); NaN takes the model's (default 1.0). Default NaN.
 * @param earlyStopping beam search stops a sentence once {@code num_beams} hypotheses are finished
 *     (Hugging Face {@code early_stopping=True}); null takes the model's (default false). Default
 *     null.
 * @param maxLengthFactor target length limit as a multiple of the source length: at most {@code
 *     maxLengthFactor * sourceTokens + maxLengthOffset} new tokens, and never more than the model's
 *     {@code max_length - 1}; 0 uses the model's {@code max_length} alone, as Hugging Face does.
 *     Default 3 (Marian NMT's {@code --max-length-factor}).
 * @param maxLengthOffset added to the source-proportional limit so short inputs keep room. Default
 *     10.
 * @param maxBatchTokens source tokens per batch, padding included; a beam search counts each
 *     sentence {@code numBeams} times. 0 is automatic ({@link #batchTokens}): 2048 for greedy
 *     search, 4096 for beam search. Default 0.
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
public record GenerationOptions(
    int numBeams,
    double lengthPenalty,
    Boolean earlyStopping,
    double maxLengthFactor,
    int maxLengthOffset,
    int maxBatchTokens,
    int threads,
    int batchWorkers,
    boolean quantized,
    boolean offline) {

  public static final GenerationOptions DEFAULTS =
      new GenerationOptions(0, Double.NaN, null, 3.0, 10, 0, 0, 0, false, false);

  /**
   * The automatic batch budgets, measured with two batch workers on the 2-core benchmark machine
   * (eval/results/speed.md, real-size model, 500 sentences, two rounds): greedy 12.1 s at 2048
   * against 13.0 s at 4096; beam 4 32.2 s at 4096 against 37.4 s at 2048 (its batches hold a
   * quarter as many sentences, so the encoder and the shared first step run on small batches).
   */
  public static final int GREEDY_BATCH_TOKENS = 2048;

  public static final int BEAM_BATCH_TOKENS = 4096;

  public GenerationOptions {
    if (numBeams < 0) {
      throw new IllegalArgumentException("numBeams must be 0 (model default) or positive");
    }
    if (maxLengthFactor < 0 || maxLengthOffset < 0) {
      throw new IllegalArgumentException("length limits must not be negative");
    }
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

  public static GenerationOptions defaults() {
    return DEFAULTS;
  }

  /** The batch budget for a search of {@code beams} beams: the one given, or the automatic one. */
  public int batchTokens(int beams) {
    if (maxBatchTokens > 0) {
      return maxBatchTokens;
    }
    return beams > 1 ? BEAM_BATCH_TOKENS : GREEDY_BATCH_TOKENS;
  }

  public GenerationOptions withNumBeams(int v) {
    return new GenerationOptions(
        v,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withLengthPenalty(double v) {
    return new GenerationOptions(
        numBeams,
        v,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withEarlyStopping(Boolean v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        v,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withMaxLengthFactor(double v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        v,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withMaxLengthOffset(int v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        v,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withMaxBatchTokens(int v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        v,
        threads,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withThreads(int v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        v,
        batchWorkers,
        quantized,
        offline);
  }

  public GenerationOptions withBatchWorkers(int v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        v,
        quantized,
        offline);
  }

  public GenerationOptions withQuantized(boolean v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        v,
        offline);
  }

  public GenerationOptions withOffline(boolean v) {
    return new GenerationOptions(
        numBeams,
        lengthPenalty,
        earlyStopping,
        maxLengthFactor,
        maxLengthOffset,
        maxBatchTokens,
        threads,
        batchWorkers,
        quantized,
        v);
  }
}
