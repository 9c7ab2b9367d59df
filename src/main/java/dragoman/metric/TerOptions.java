package dragoman.metric;

/**
 * What TER is computed with; the defaults are sacreBLEU 2.x's, which replicate Tercom's ({@code
 * sacrebleu/metrics/ter.py}).
 *
 * @param normalized Tercom's normalisation: join lines, unescape XML entities, split punctuation
 * @param noPunct remove punctuation
 * @param asianSupport with {@code normalized}, split CJK characters; with {@code noPunct}, also
 *     remove CJK and full-width punctuation
 * @param caseSensitive keep case (by default everything is lowercased)
 */
public record TerOptions(
    boolean normalized, boolean noPunct, boolean asianSupport, boolean caseSensitive) {
  /** Tercom's defaults: no normalisation, punctuation kept, case-insensitive. */
  public static final TerOptions DEFAULTS = new TerOptions(false, false, false, false);
}
