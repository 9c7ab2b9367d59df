package dragoman.review;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * From which defect probability the span detector reports a span of each class. One threshold per
 * class, because the classes differ in how often they fire on fluent human German: a threshold is
 * the lowest at which that class underlines at most a fixed share of the human lines of the
 * calibration halves ({@code eval/review-general fit} writes the file; {@code eval/README.md} says
 * which lines). A class's probabilities below its threshold still reach the score through {@link
 * SpanDetector#logit}.
 *
 * @param classes threshold per class of the span detector (every class but "ok")
 * @param fittedOn what the thresholds were fitted on, for the record
 */
public record SpanThresholds(Map<String, Double> classes, String fittedOn) {
  public static final String RESOURCE = "/dragoman/review/span-thresholds.json";

  public SpanThresholds {
    if (classes == null || classes.isEmpty()) {
      throw new IllegalArgumentException("span thresholds: no class has a threshold");
    }
    for (Map.Entry<String, Double> e : classes.entrySet()) {
      double t = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException(
            "span thresholds: " + e.getKey() + " has " + e.getValue() + ", not in (0, 1]");
      }
    }
    classes = Collections.unmodifiableMap(new TreeMap<>(classes));
  }

  /** The shipped thresholds. */
  public static SpanThresholds load() {
    return ReviewResources.readJson(RESOURCE, SpanThresholds.class, "span thresholds");
  }

  /** The threshold of {@code cls}; a class the file does not name is never reported. */
  public double of(String cls) {
    Double t = classes.get(cls);
    return t == null ? Double.POSITIVE_INFINITY : t;
  }

  /** The lowest threshold: characters below it are part of no span. */
  public double floor() {
    return Collections.min(classes.values());
  }
}
