package dragoman.review;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts over reviewed segments, printed as the table {@code dragoman review} ends with. */
public final class ReviewSummary {
  private int segments;
  private int flagged;
  private final Map<String, Integer> kinds = new TreeMap<>();
  private final Map<String, Integer> rules = new TreeMap<>();

  public void add(List<SegmentReview> reviews) {
    reviews.forEach(this::add);
  }

  public void add(SegmentReview review) {
    segments++;
    kinds.merge(review.kind(), 1, Integer::sum);
    if (review.flag()) {
      flagged++;
    }
    if (review.kind().equals(SegmentReview.PROSE)) {
      review.findings().forEach(f -> rules.merge(ReviewModel.feature(f), 1, Integer::sum));
    }
  }

  public int segments() {
    return segments;
  }

  public int flagged() {
    return flagged;
  }

  public void print(PrintStream err, int topRules) {
    err.printf("%-36s %8s%n", "segments", segments);
    for (String kind :
        List.of(SegmentReview.PROSE, SegmentReview.BOILERPLATE, SegmentReview.NOT_GERMAN)) {
      err.printf("  %-34s %8d%n", kind, kinds.getOrDefault(kind, 0));
    }
    err.printf("%-36s %8d%n", "flagged", flagged);
    if (!rules.isEmpty()) {
      err.printf("%-36s %8s%n", "top rules", "findings");
      rules.entrySet().stream()
          .sorted(
              Comparator.comparing(Map.Entry<String, Integer>::getValue)
                  .reversed()
                  .thenComparing(Map.Entry::getKey))
          .limit(topRules)
          .forEach(e -> err.printf("  %-34s %8d%n", e.getKey(), e.getValue()));
    }
  }
}
