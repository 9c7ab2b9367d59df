package dragoman.align;

import java.util.ArrayList;
import java.util.List;

/**
 * A shape of bead: how many source and target sentences it links, and its prior probability.
 *
 * <p>Priors from Gale and Church (1993), "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1), Table 5: 1-1 0.89, 1-0 or 0-1 0.0099, 2-1 or 1-2 0.089, 2-2
 * 0.011. As in the paper's program (penalty01, penalty21 and penalty22), each of the two mirrored
 * shapes gets the whole figure. 1-3, 3-1, 1-4 and 4-1 are not in the paper; we give each extra
 * sentence beyond 1-2 the same factor (0.1) that 1-2 costs against 1-1: 1-3 0.0089, 1-4 0.00089.
 */
public record BeadType(int source, int target, double prior) {

  /** The bead shapes allowed with at most {@code maxSide} sentences on one side. */
  public static List<BeadType> upTo(int maxSide) {
    List<BeadType> types = new ArrayList<>();
    types.add(new BeadType(1, 1, 0.89));
    types.add(new BeadType(1, 0, 0.0099));
    types.add(new BeadType(0, 1, 0.0099));
    types.add(new BeadType(2, 1, 0.089));
    types.add(new BeadType(1, 2, 0.089));
    types.add(new BeadType(2, 2, 0.011));
    if (maxSide >= 3) {
      types.add(new BeadType(3, 1, 0.0089));
      types.add(new BeadType(1, 3, 0.0089));
    }
    if (maxSide >= 4) {
      types.add(new BeadType(4, 1, 0.00089));
      types.add(new BeadType(1, 4, 0.00089));
    }
    return List.copyOf(types);
  }
}
