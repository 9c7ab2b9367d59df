package dragoman.review;

import dragoman.text.Segment;
import java.util.Locale;

/**
 * A flagged segment for a person at a terminal: the sentence, each finding underlined beneath it
 * with {@code ^}, and the findings' messages, the way a compiler prints an error.
 */
public final class Explanation {
  private Explanation() {}

  public static String of(Segment segment, SegmentReview review) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s  score %.2f%n", segment.id(), review.score()));
    String text = segment.text().replace('\n', ' ').replace('\t', ' ');
    sb.append("  ").append(text).append('\n');
    for (Finding f : review.findings()) {
      int from = Math.max(0, f.start() - segment.start());
      int to = Math.min(text.length(), Math.max(from + 1, f.end() - segment.start()));
      if (from >= text.length()) {
        continue;
      }
      sb.append("  ")
          .append(" ".repeat(columns(text, 0, from)))
          .append("^".repeat(Math.max(1, columns(text, from, to))))
          .append(' ')
          .append(f.detector())
          .append('/')
          .append(f.rule())
          .append(": ")
          .append(f.message());
      if (f.suggestion() != null) {
        sb.append(" (suggestion: '").append(f.suggestion()).append("')");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Terminal columns of {@code text[from, to)}: one per code point (no wide-character table). */
  private static int columns(String text, int from, int to) {
    return text.codePointCount(from, to);
  }
}
