package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NgramTableTest {
  @Test
  void countsRepeatedWindowsAndClipsMatches() {
    // Bigrams of 1 2 1 2 1: (1,2) x2, (2,1) x2; of 1 2 3: (1,2), (2,3).
    NgramTable hyp = new NgramTable(new int[] {1, 2, 1, 2, 1}, 2);
    NgramTable ref = new NgramTable(new int[] {1, 2, 3}, 2);
    assertThat(hyp.total()).isEqualTo(4);
    assertThat(hyp.count(new int[] {2, 1}, 0)).isEqualTo(2);
    assertThat(hyp.count(new int[] {3, 1}, 0)).isZero();
    // Only (1,2) is shared, clipped to the reference's single occurrence.
    assertThat(hyp.matches(ref)).isEqualTo(1);
    // Against two references the clip is the larger count: (1,2) twice in the second.
    NgramTable ref2 = new NgramTable(new int[] {1, 2, 9, 1, 2}, 2);
    assertThat(hyp.matchesMax(new NgramTable[] {ref, ref2})).isEqualTo(2);
  }

  @Test
  void sequenceShorterThanOrderHasNoNgrams() {
    NgramTable t = new NgramTable(new int[] {7, 8}, 3);
    assertThat(t.isEmpty()).isTrue();
    assertThat(t.total()).isZero();
    assertThat(t.matches(new NgramTable(new int[] {7, 8, 9}, 3))).isZero();
  }
}
