package dragoman.eval;

/**
 * How detection scores are computed.
 *
 * @param threshold a segment is flagged when its score is at least this (as {@code
 *     SegmentReview.flag}); default 0.5
 * @param bootstrapSamples resamples for the confidence intervals; 0 turns them off; default 1000
 * @param seed random seed of the resampling, fixed so that reruns give the same intervals; default
 *     20211110
 * @param confidence coverage of the percentile intervals; default 0.95
 */
public record DetectionOptions(
    double threshold, int bootstrapSamples, long seed, double confidence) {
  public static final DetectionOptions DEFAULTS = new DetectionOptions(0.5, 1000, 20211110L, 0.95);

  public DetectionOptions {
    if (bootstrapSamples < 0) {
      throw new IllegalArgumentException("bootstrap samples must be >= 0");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1");
    }
  }

  public DetectionOptions withThreshold(double t) {
    return new DetectionOptions(t, bootstrapSamples, seed, confidence);
  }

  public DetectionOptions withBootstrapSamples(int n) {
    return new DetectionOptions(threshold, n, seed, confidence);
  }

  public DetectionOptions withSeed(long s) {
    return new DetectionOptions(threshold, bootstrapSamples, s, confidence);
  }

  public DetectionOptions withConfidence(double c) {
    return new DetectionOptions(threshold, bootstrapSamples, seed, c);
  }
}
