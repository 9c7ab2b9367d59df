package dragoman.review;

/**
 * Every knob of the review, with its default in plain sight (one flat documented value).
 *
 * @param threshold flag a segment when its score is at least this; default {@value
 *     #DEFAULT_THRESHOLD}, the lowest that flags at most 5% of the dev calibration halves'
 *     negatives (eval/results/review.md)
 * @param variant which national standard to check against; default de-DE
 * @param grammar run the LanguageTool detector (the slowest); default true
 * @param maxGrammarChars longer segments skip LanguageTool, whose cost grows with length; default
 *     {@value #DEFAULT_MAX_GRAMMAR_CHARS}
 * @param learned run the learned span detector ({@link SpanDetector}); default true
 */
public record ReviewOptions(
    double threshold,
    GermanVariant variant,
    boolean grammar,
    int maxGrammarChars,
    boolean learned) {
  /** See eval/results/review.md for the precision and recall at this threshold. */
  public static final double DEFAULT_THRESHOLD = 0.75;

  public static final int DEFAULT_MAX_GRAMMAR_CHARS = 1500;

  public ReviewOptions {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
    }
    if (variant == null) {
      throw new IllegalArgumentException("variant is required");
    }
  }

  public static ReviewOptions defaults() {
    return new ReviewOptions(
        DEFAULT_THRESHOLD, GermanVariant.DE_DE, true, DEFAULT_MAX_GRAMMAR_CHARS, true);
  }

  public ReviewOptions withThreshold(double t) {
    return new ReviewOptions(t, variant, grammar, maxGrammarChars, learned);
  }

  public ReviewOptions withVariant(GermanVariant v) {
    return new ReviewOptions(threshold, v, grammar, maxGrammarChars, learned);
  }

  public ReviewOptions withGrammar(boolean g) {
    return new ReviewOptions(threshold, variant, g, maxGrammarChars, learned);
  }

  public ReviewOptions withLearned(boolean l) {
    return new ReviewOptions(threshold, variant, grammar, maxGrammarChars, l);
  }
}
