package dragoman.align;

import java.util.List;

/**
 * The cost of one candidate bead: source sentences {@code [i, i + a)} linked with target sentences
 * {@code [j, j + b)}. Lower is better; a cost may be negative (evidence for the link). Scorers are
 * built for one pair of documents and summed by the search ({@link BeadSearch}).
 */
@FunctionalInterface
public interface BeadScorer {
  double cost(int i, int a, int j, int b);

  /**
   * A scorer that knows the least cost it can give a bead shape, so that the search can skip it
   * where the other costs already rule a candidate out ({@link BeadSearch#search(BeadScorer,
   * Bounded, BeadSearch.Band)}).
   */
  interface Bounded extends BeadScorer {
    /** Costs nothing, bounds nothing. */
    Bounded ZERO =
        new Bounded() {
          @Override
          public double cost(int i, int a, int j, int b) {
            return 0;
          }

          @Override
          public double floor(int a, int b) {
            return 0;
          }
        };

    /** A lower bound of {@code cost(i, a, j, b)} for every i and j. */
    double floor(int a, int b);

    /** The sum of several bounded scorers, bounded by the sum of their floors. */
    static Bounded sum(List<Bounded> scorers) {
      Bounded[] parts = scorers.toArray(Bounded[]::new);
      return new Bounded() {
        @Override
        public double cost(int i, int a, int j, int b) {
          double c = 0;
          for (Bounded s : parts) {
            c += s.cost(i, a, j, b);
          }
          return c;
        }

        @Override
        public double floor(int a, int b) {
          double f = 0;
          for (Bounded s : parts) {
            f += s.floor(a, b);
          }
          return f;
        }
      };
    }
  }

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
