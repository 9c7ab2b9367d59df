package dragoman.mt;

/**
 * What the search does, per translation: the knobs that change which English comes out (after
 * CTranslate2's {@code TranslationOptions}). A field left at its "from the model" value ({@code 0},
 * {@code NaN} or {@code null}) takes the model's {@code generation_config.json}.
 *
 * @param numBeams beam width; 1 is greedy search, 0 takes {@code num_beams} from the model
 *     (opus-mt: 4). Default {@value #MODEL_BEAMS}.
 * @param lengthPenalty exponent on the hypothesis length in beam scores (Hugging Face {@code
 *     length_penalty}); NaN takes the model's (opus-mt: 1.0). Default NaN.
 * @param earlyStopping beam search stops a sentence once {@code num_beams} hypotheses are finished
 *     (Hugging Face {@code early_stopping=True}); null takes the model's (opus-mt: false). Default
 *     null.
 * @param maxNewTokens at most this many generated tokens (end of sentence included), as Hugging
 *     Face's {@code max_new_tokens}: it wins over the model's {@code max_length} and over the
 *     source-proportional limit below; never more than the model's position embeddings allow. 0
 *     leaves the limit to {@code max_length} and the factor. Default 0.
 * @param maxLengthFactor target length limit as a multiple of the source length: at most {@code
 *     maxLengthFactor * sourceTokens + maxLengthOffset} new tokens, and never more than the model's
 *     {@code max_length - 1}; 0 uses the model's {@code max_length} alone, as Hugging Face does.
 *     Default {@value #MAX_LENGTH_FACTOR} (Marian NMT's {@code --max-length-factor}).
 * @param maxLengthOffset added to the source-proportional limit so short inputs keep room. Default
 *     {@value #MAX_LENGTH_OFFSET}.
 */
public record DecodingOptions(
    int numBeams,
    double lengthPenalty,
    Boolean earlyStopping,
    int maxNewTokens,
    double maxLengthFactor,
    int maxLengthOffset) {

  public static final int MODEL_BEAMS = 0;
  public static final double MAX_LENGTH_FACTOR = 3.0;
  public static final int MAX_LENGTH_OFFSET = 10;

  public static final DecodingOptions DEFAULTS =
      new DecodingOptions(MODEL_BEAMS, Double.NaN, null, 0, MAX_LENGTH_FACTOR, MAX_LENGTH_OFFSET);

  public DecodingOptions {
    if (numBeams < 0) {
      throw new IllegalArgumentException("numBeams must be 0 (model default) or positive");
    }
    if (maxNewTokens < 0) {
      throw new IllegalArgumentException(
          "maxNewTokens must be 0 (no limit of its own) or positive");
    }
    if (maxLengthFactor < 0 || maxLengthOffset < 0) {
      throw new IllegalArgumentException("length limits must not be negative");
    }
  }

  public static DecodingOptions defaults() {
    return DEFAULTS;
  }

  public DecodingOptions withNumBeams(int v) {
    return new DecodingOptions(
        v, lengthPenalty, earlyStopping, maxNewTokens, maxLengthFactor, maxLengthOffset);
  }

  public DecodingOptions withLengthPenalty(double v) {
    return new DecodingOptions(
        numBeams, v, earlyStopping, maxNewTokens, maxLengthFactor, maxLengthOffset);
  }

  public DecodingOptions withEarlyStopping(Boolean v) {
    return new DecodingOptions(
        numBeams, lengthPenalty, v, maxNewTokens, maxLengthFactor, maxLengthOffset);
  }

  public DecodingOptions withMaxNewTokens(int v) {
    return new DecodingOptions(
        numBeams, lengthPenalty, earlyStopping, v, maxLengthFactor, maxLengthOffset);
  }

  public DecodingOptions withMaxLengthFactor(double v) {
    return new DecodingOptions(
        numBeams, lengthPenalty, earlyStopping, maxNewTokens, v, maxLengthOffset);
  }

  public DecodingOptions withMaxLengthOffset(int v) {
    return new DecodingOptions(
        numBeams, lengthPenalty, earlyStopping, maxNewTokens, maxLengthFactor, v);
  }
}
