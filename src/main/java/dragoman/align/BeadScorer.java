package dragoman.align;

/**
 * The cost of one candidate bead: source sentences {@code [i, i + a)} linked with target sentences
 * {@code [j, j + b)}. Lower is better; a cost may be negative (evidence for the link). Scorers are
 * built for one pair of documents and summed by the search ({@link BeadSearch}).
 */
@FunctionalInterface
public interface BeadScorer {
  double cost(int i, int a, int j, int b);

  /** The sum of several scorers: the one cost the search minimises. */
  static BeadScorer sum(BeadScorer... scorers) {
    BeadScorer[] parts = scorers.clone();
    return (i, a, j, b) -> {
      double c = 0;
      for (BeadScorer s : parts) {
        c += s.cost(i, a, j, b);
      }
      return c;
    };
  }
}
