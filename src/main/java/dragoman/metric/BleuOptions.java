package dragoman.metric;

/**
 * What BLEU is computed with; the defaults are sacreBLEU 2.x's ({@code sacrebleu/metrics/bleu.py}).
 *
 * @param tokenize tokenizer name, one of {@link Tokenizer#NAMES}
 * @param lowercase lowercase hypothesis and references first (signature {@code case:lc})
 * @param smoothMethod smoothing of zero n-gram precisions
 * @param smoothValue the value for {@code floor} (default 0.1) and {@code add-k} (default 1); null
 *     takes the method's default, and the other methods ignore it
 * @param maxNgramOrder highest n-gram order (sacreBLEU's {@code MAX_NGRAM_ORDER}, 4)
 * @param effectiveOrder leave out orders with no hypothesis n-gram (what sentence BLEU needs)
 */
public record BleuOptions(
    String tokenize,
    boolean lowercase,
    SmoothMethod smoothMethod,
    Double smoothValue,
    int maxNgramOrder,
    boolean effectiveOrder) {
  public static final String DEFAULT_TOKENIZE = "13a";
  public static final SmoothMethod DEFAULT_SMOOTH_METHOD = SmoothMethod.EXP;
  public static final int DEFAULT_MAX_NGRAM_ORDER = 4;

  /** sacreBLEU's defaults: 13a, mixed case, exp smoothing, order 4, no effective order. */
  public static final BleuOptions DEFAULTS =
      new BleuOptions(
          DEFAULT_TOKENIZE, false, DEFAULT_SMOOTH_METHOD, null, DEFAULT_MAX_NGRAM_ORDER, false);

  public BleuOptions {
    if (maxNgramOrder < 1) {
      throw new IllegalArgumentException("--max-ngram-order must be at least 1");
    }
  }

  /** Chen and Cherry (2014)'s smoothing methods as sacreBLEU names them. */
  public enum SmoothMethod {
    /** No smoothing. */
    NONE("none", null),
    /** Method 1: a zero count becomes {@code smoothValue}. */
    FLOOR("floor", 0.1),
    /** Method 2: add {@code smoothValue} to counts and totals of orders 2 and up. */
    ADD_K("add-k", 1.0),
    /** Method 3, mteval-v13a's: the k-th order with no match gets 1 / (2^k * total). */
    EXP("exp", null);

    private final String cliName;
    private final Double defaultValue;

    SmoothMethod(String cliName, Double defaultValue) {
      this.cliName = cliName;
      this.defaultValue = defaultValue;
    }

    /** The name on sacreBLEU's command line and in its signature. */
    public String cliName() {
      return cliName;
    }

    /** sacreBLEU's {@code SMOOTH_DEFAULTS}; null for the methods that take no value. */
    public Double defaultValue() {
      return defaultValue;
    }

    /** The method sacreBLEU's {@code --smooth-method NAME} selects. */
    public static SmoothMethod of(String name) {
      for (SmoothMethod m : values()) {
        if (m.cliName.equals(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "unknown smoothing method " + name + "; use none, floor, add-k or exp");
    }
  }

  /** The value smoothing uses: {@link #smoothValue}, or else the method's default. */
  public double effectiveSmoothValue() {
    if (smoothValue != null) {
      return smoothValue;
    }
    return smoothMethod.defaultValue() == null ? 0.0 : smoothMethod.defaultValue();
  }

  public BleuOptions withEffectiveOrder(boolean on) {
    return new BleuOptions(tokenize, lowercase, smoothMethod, smoothValue, maxNgramOrder, on);
  }
}
