package dragoman.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaleChurchCostTest {
  // Expected values from Python: -log(erfc(z / sqrt(2))), z = |l1 - l2| / sqrt(6.8 * (l1 + l2) / 2)

  @Test
  void equalLengthsCostNothingBeyondThePrior() {
    assertThat(GaleChurchCost.lengthCost(100, 100)).isCloseTo(0.0, within(1e-6));
    GaleChurchCost gc =
        new GaleChurchCost(
            new int[] {100}, new int[] {100}, BeadType.upTo(3), 1.0, Double.POSITIVE_INFINITY);
    assertThat(gc.cost(0, 1, 0, 1)).isCloseTo(-Math.log(0.89), within(1e-6));
  }

  @Test
  void lengthDifferenceCostsTheNormalTail() {
    assertThat(GaleChurchCost.lengthCost(100, 120)).isCloseTo(0.7665509718, within(1e-5));
    assertThat(GaleChurchCost.lengthCost(300, 100)).isCloseTo(16.653875054, within(1e-4));
  }

  @Test
  void deletionUsesTheMeanLengthAndItsPrior() {
    GaleChurchCost gc =
        new GaleChurchCost(
            new int[] {50}, new int[] {10}, BeadType.upTo(3), 1.0, Double.POSITIVE_INFINITY);
    assertThat(gc.cost(0, 1, 0, 0)).isCloseTo(8.981980414 - Math.log(0.0099), within(1e-4));
  }

  @Test
  void multiSentenceBeadsSumLengthsAndPayTheirPrior() {
    GaleChurchCost gc =
        new GaleChurchCost(
            new int[] {60, 60}, new int[] {120}, BeadType.upTo(3), 1.0, Double.POSITIVE_INFINITY);
    assertThat(gc.cost(0, 2, 0, 1)).isCloseTo(-Math.log(0.089), within(1e-6));
    assertThat(gc.cost(0, 1, 0, 1)).isGreaterThan(gc.cost(0, 2, 0, 1));
  }

  @Test
  void hugeDifferencesStayFinite() {
    assertThat(GaleChurchCost.lengthCost(100_000, 1)).isFinite().isGreaterThan(1000);
  }
}
