package dragoman.review;

import java.util.List;

/**
 * The review of one segment.
 *
 * @param score calibrated probability in [0, 1] that a reviewer should look at the segment
 * @param flag {@code score >= threshold}
 * @param kind what the segment is: {@link #PROSE}, {@link #BOILERPLATE} (not prose: dateline,
 *     byline, pasted headline; not a translation problem) or {@link #NOT_GERMAN}
 * @param findings what was found, ordered by start offset
 */
public record SegmentReview(double score, boolean flag, String kind, List<Finding> findings) {
  public static final String PROSE = "prose";
  public static final String BOILERPLATE = "boilerplate";
  public static final String NOT_GERMAN = "not-german";

  public SegmentReview {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside [0,1]: " + score);
    }
    findings = List.copyOf(findings);
  }
}
