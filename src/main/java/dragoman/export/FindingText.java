package dragoman.export;

import dragoman.review.Finding;
import java.util.Locale;

/** How a finding reads in a note of a TMX or XLIFF file, for a reviewer in a CAT tool. */
public final class FindingText {
  private FindingText() {}

  /**
   * E.g. {@code MAJOR structure/link-text-spliced "versprechen Die Aussage": link text spliced into
   * the sentence (suggestion: "versprechen. Die Aussage")}. The quoted text is the flagged span of
   * the segment, found through the segment's own start offset.
   */
  public static String describe(Finding f, SegmentRecord r) {
    StringBuilder b = new StringBuilder();
    if (f.severity() != null) {
      b.append(f.severity().name()).append(' ');
    }
    b.append(f.detector()).append('/').append(f.rule());
    String span = span(f, r);
    if (!span.isEmpty()) {
      b.append(" \"").append(span).append('"');
    }
    if (f.message() != null && !f.message().isEmpty()) {
      b.append(": ").append(f.message());
    }
    if (f.suggestion() != null) {
      b.append(" (suggestion: \"").append(f.suggestion()).append("\")");
    }
    return b.toString();
  }

  /** The finding's text within the segment; empty when its offsets lie outside the segment. */
  static String span(Finding f, SegmentRecord r) {
    if (r.de() == null) {
      return "";
    }
    int s = Math.max(0, f.start() - r.start());
    int e = Math.min(r.de().length(), f.end() - r.start());
    return s < e ? r.de().substring(s, e) : "";
  }

  public static String score(double score) {
    return String.format(Locale.ROOT, "%.3f", score);
  }
}
