package dragoman.metric;

/**
 * What chrF is computed with; the defaults are sacreBLEU 2.x's ({@code sacrebleu/metrics/chrf.py}).
 *
 * @param charOrder character n-gram order (6)
 * @param wordOrder word n-gram order (0; 2 gives chrF++)
 * @param beta weight of recall over precision (2)
 * @param lowercase lowercase hypothesis and references first
 * @param whitespace keep whitespace in character n-grams
 * @param epsSmoothing chrF++.py's eps smoothing (average F over all orders) instead of sacreBLEU's
 *     effective-order averaging of precision and recall
 */
public record ChrfOptions(
    int charOrder,
    int wordOrder,
    int beta,
    boolean lowercase,
    boolean whitespace,
    boolean epsSmoothing) {
  public static final int DEFAULT_CHAR_ORDER = 6;
  public static final int DEFAULT_WORD_ORDER = 0;
  public static final int DEFAULT_BETA = 2;

  /** chrF2 as sacreBLEU computes it by default. */
  public static final ChrfOptions DEFAULTS =
      new ChrfOptions(DEFAULT_CHAR_ORDER, DEFAULT_WORD_ORDER, DEFAULT_BETA, false, false, false);

  public ChrfOptions {
    if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
      throw new IllegalArgumentException("chrF needs character and word orders >= 0, not both 0");
    }
  }
}
