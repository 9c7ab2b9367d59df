package dragoman.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BeadSearchTest {
  private final BeadSearch search = new BeadSearch(BeadType.upTo(3));

  private static String vec(List<Bead> beads) {
    StringBuilder b = new StringBuilder();
    for (Bead x : beads) {
      b.append(x.toVecalign()).append(' ');
    }
    return b.toString().trim();
  }

  @Test
  void followsTheCheapBeads() {
    // Beads of the planned path cost 0, everything else 1: source 0 = target 0+1, source 1 and 2
    // both = target 2, source 3 has no target.
    List<int[]> planned =
        List.of(new int[] {0, 1, 0, 2}, new int[] {1, 2, 2, 1}, new int[] {3, 1, 3, 0});
    BeadScorer scorer =
        (i, a, j, b) -> {
          for (int[] p : planned) {
            if (p[0] == i && p[1] == a && p[2] == j && p[3] == b) {
              return 0;
            }
          }
          return 1;
        };
    List<Bead> beads = search.search(scorer, BeadSearch.Band.full(4, 3));
    assertThat(vec(beads)).isEqualTo("[0]:[0,1] [1,2]:[2] [3]:[]");
  }

  @Test
  void emptySideGivesOnlyInsertions() {
    List<Bead> beads = search.search((i, a, j, b) -> 1, BeadSearch.Band.full(0, 3));
    assertThat(vec(beads)).isEqualTo("[]:[0] []:[1] []:[2]");
  }

  @Test
  void bandAroundThePathFindsTheSamePathAsTheFullSearch() {
    Random r = new Random(3);
    int n = 60;
    int[] src = new int[n];
    int[] tgt = new int[n];
    for (int k = 0; k < n; k++) {
      src[k] = 20 + r.nextInt(100);
      tgt[k] = src[k] + r.nextInt(9) - 4;
    }
    GaleChurchCost gc =
        new GaleChurchCost(src, tgt, BeadType.upTo(3), 1.0, Double.POSITIVE_INFINITY);
    List<Bead> full = search.search(gc, BeadSearch.Band.full(n, n));
    BeadSearch.Band band = BeadSearch.Band.around(BeadSearch.corners(full), n, n, 3);
    assertThat(band.cells()).isLessThan((long) (n + 1) * (n + 1) / 3);
    assertThat(vec(search.search(gc, band))).isEqualTo(vec(full));
    List<Bead> coarse =
        search.coarseToFine(
            src,
            tgt,
            gc,
            (s, t) -> new GaleChurchCost(s, t, BeadType.upTo(3), 1.0, Double.POSITIVE_INFINITY),
            200,
            4);
    assertThat(vec(coarse)).isEqualTo(vec(full));
  }
}
