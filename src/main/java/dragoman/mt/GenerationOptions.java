package dragoman.mt;

/**
 * Everything a translator is opened with: what the search does ({@link DecodingOptions}) and how it
 * runs ({@link RuntimeOptions}), kept apart because only the first (and {@code quantized}) changes
 * the English. The CLI maps its flags onto these records and nothing else knows about flags.
 */
public record GenerationOptions(DecodingOptions decoding, RuntimeOptions runtime) {
  public static final GenerationOptions DEFAULTS =
      new GenerationOptions(DecodingOptions.DEFAULTS, RuntimeOptions.DEFAULTS);

  public GenerationOptions {
    if (decoding == null || runtime == null) {
      throw new IllegalArgumentException("decoding and runtime options are both required");
    }
  }

  public static GenerationOptions defaults() {
    return DEFAULTS;
  }

  public GenerationOptions withDecoding(DecodingOptions d) {
    return new GenerationOptions(d, runtime);
  }

  public GenerationOptions withRuntime(RuntimeOptions r) {
    return new GenerationOptions(decoding, r);
  }

  // Shortcuts for a single setting, so callers need not rebuild the part it belongs to.

  public GenerationOptions withNumBeams(int v) {
    return withDecoding(decoding.withNumBeams(v));
  }

  public GenerationOptions withLengthPenalty(double v) {
    return withDecoding(decoding.withLengthPenalty(v));
  }

  public GenerationOptions withEarlyStopping(Boolean v) {
    return withDecoding(decoding.withEarlyStopping(v));
  }

  public GenerationOptions withMaxNewTokens(int v) {
    return withDecoding(decoding.withMaxNewTokens(v));
  }

  public GenerationOptions withMaxLengthFactor(double v) {
    return withDecoding(decoding.withMaxLengthFactor(v));
  }

  public GenerationOptions withMaxLengthOffset(int v) {
    return withDecoding(decoding.withMaxLengthOffset(v));
  }

  public GenerationOptions withMaxBatchTokens(int v) {
    return withRuntime(runtime.withMaxBatchTokens(v));
  }

  public GenerationOptions withThreads(int v) {
    return withRuntime(runtime.withThreads(v));
  }

  public GenerationOptions withBatchWorkers(int v) {
    return withRuntime(runtime.withBatchWorkers(v));
  }

  public GenerationOptions withQuantized(boolean v) {
    return withRuntime(runtime.withQuantized(v));
  }

  public GenerationOptions withOffline(boolean v) {
    return withRuntime(runtime.withOffline(v));
  }
}
