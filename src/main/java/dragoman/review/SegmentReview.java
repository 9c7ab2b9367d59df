package dragoman.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review of one segment.
 *
 * @param score calibrated probability in [0, 1] that a reviewer should look at the segment
 * @param flag {@code score >= threshold}
 * @param kind what the segment is: {@link #PROSE}, {@link #BOILERPLATE} (not prose: dateline,
 *     byline, pasted headline; not a translation problem) or {@link #NOT_GERMAN}
 * @param findings what was found, ordered by start offset
 * @param signals the segment-level model inputs besides the findings, by name ({@value
 *     #TRANSLATIONESE}, {@value #LEARNED}, {@value #LEARNED_SEGMENT}: log-odds), so a score can be
 *     traced and refitted from the output alone; null when there are none (not prose)
 */
public record SegmentReview(
    double score,
    boolean flag,
    String kind,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> signals) {
  public static final String TRANSLATIONESE = "translationese";
  public static final String LEARNED = "learned";
  public static final String LEARNED_SEGMENT = "learned-segment";

  public static final String PROSE = "prose";
  public static final String BOILERPLATE = "boilerplate";
  public static final String NOT_GERMAN = "not-german";

  public SegmentReview {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside [0,1]: " + score);
    }
    findings = List.copyOf(findings);
    // Sorted, not Map.copyOf: its iteration order changes from one JVM to the next, and the JSONL
    // (and so the resume manifest's hashes) must not.
    signals = signals == null ? null : Collections.unmodifiableMap(new TreeMap<>(signals));
  }

  public SegmentReview(double score, boolean flag, String kind, List<Finding> findings) {
    this(score, flag, kind, findings, null);
  }
}
