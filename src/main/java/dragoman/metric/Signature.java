package dragoman.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sacreBLEU's reproducibility signature ({@code sacrebleu/metrics/base.py}, {@code Signature}):
 * {@code nrefs}, then the significance-test fields when there are any, then the metric's own
 * fields, and the version last, as {@code key:value} pairs joined by {@code |}.
 */
public final class Signature {
  private final Map<String, String> fields = new LinkedHashMap<>();

  /**
   * @param nrefs number of references
   * @param test null, or {@code bs}/{@code ar} with the number of resamples or trials
   * @param samples resamples or trials of {@code test}
   * @param seed the random seed, printed with a test
   * @param metricFields the metric's own fields, in order
   * @param version the version field (Dragoman's)
   */
  public Signature(
      int nrefs,
      String test,
      int samples,
      long seed,
      Map<String, String> metricFields,
      String version) {
    fields.put("nrefs", Integer.toString(nrefs));
    if (test != null) {
      fields.put(test, Integer.toString(samples));
      fields.put("seed", Long.toString(seed));
    }
    fields.putAll(metricFields);
    fields.put("version", version);
  }

  /** The fields in order, as a copy. */
  public Map<String, String> fields() {
    return new LinkedHashMap<>(fields);
  }

  /** {@code nrefs:1|case:mixed|...|version:...}. */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      out.append(out.length() == 0 ? "" : "|").append(e.getKey()).append(':').append(e.getValue());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
