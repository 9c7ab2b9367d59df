package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Greedy and beam search on a hand-made distribution over the vocabulary {0 EOS, 1 A, 2 B, 3 pad}.
 * The expected outputs were worked out by hand from Hugging Face's BeamSearchScorer rules (see the
 * comments at each test); the decoder start is pad, as in Marian.
 */
class SearchTest {
  static final int EOS = 0;
  static final int A = 1;
  static final int B = 2;
  static final int PAD = 3;

  /**
   * root: A .5, B .4, EOS .1. After A: A .4, EOS .35, B .25. After A A: EOS .9, A .06, B .04. After
   * B: EOS .9, A .05, B .05. After A B: EOS .5, A .3, B .2. Anything else: EOS .9, A .06, B .04.
   */
  static final Map<String, double[]> TABLE =
      Map.of(
          "", p(.1, .5, .4),
          "1", p(.35, .4, .25),
          "1 1", p(.9, .06, .04),
          "2", p(.9, .05, .05),
          "1 2", p(.5, .3, .2));

  static final double[] FALLBACK = p(.9, .06, .04);

  static double[] p(double eos, double a, double b) {
    return new double[] {eos, a, b, 0.0};
  }

  static SearchSettings settings(int beams, double lengthPenalty, boolean early) {
    return new SearchSettings(beams, lengthPenalty, early, PAD, EOS, PAD, new int[] {PAD}, 4);
  }

  @Test
  void greedyFollowsTheMostLikelyTokenAndReportsItsLogProbability() {
    // A (.5), A (.4), EOS (.9): greedy is blind to the better "B EOS".
    Hypothesis h =
        new GreedySearch(settings(1, 1, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {10})
            .get(0);
    assertThat(h.tokens()).containsExactly(A, A);
    assertThat(h.generated()).isEqualTo(3);
    assertThat(h.sumLogProb()).isCloseTo(Math.log(.5) + Math.log(.4) + Math.log(.9), within(1e-6));
  }

  @Test
  void beamSearchFindsTheBetterShortHypothesis() {
    // Step 1: beams A (-0.693), B (-0.916). Step 2: "B EOS" finishes with -1.022/2 = -0.511;
    // beams A A (-1.609), A B (-2.079). Step 3: "A A EOS" -1.715/3 = -0.572 joins, "A B EOS"
    // (-0.924) is dropped; done because -1.715/3 cannot beat the worst kept. Best: "B".
    Hypothesis h =
        new BeamSearch(settings(2, 1.0, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {10})
            .get(0);
    assertThat(h.tokens()).containsExactly(B);
    assertThat(h.sumLogProb()).isCloseTo(Math.log(.4) + Math.log(.9), within(1e-6));
    assertThat(h.score()).isCloseTo((Math.log(.4) + Math.log(.9)) / 2, within(1e-6));
  }

  @Test
  void lengthPenaltyAboveOneFavoursTheLongerHypothesis() {
    // With length_penalty 2: "B" scores -1.022/4 = -0.255, "A A" -1.715/9 = -0.191.
    FakeDecoder decoder = new FakeDecoder(TABLE, FALLBACK);
    Hypothesis h = new BeamSearch(settings(2, 2.0, false)).run(decoder, new int[] {10}).get(0);
    assertThat(h.tokens()).containsExactly(A, A);
    // Not done after step 3 (-1.715/9 beats the worst kept, -0.255); step 4 adds "A B A" (-0.212)
    // and ends it: four decoder calls.
    assertThat(decoder.calls).hasSize(4);
  }

  @Test
  void earlyStoppingEndsASentenceOnceEnoughHypothesesAreFinished() {
    FakeDecoder decoder = new FakeDecoder(TABLE, FALLBACK);
    Hypothesis h = new BeamSearch(settings(2, 2.0, true)).run(decoder, new int[] {10}).get(0);
    assertThat(h.tokens()).containsExactly(A, A);
    assertThat(decoder.calls).hasSize(3);
  }

  @Test
  void eosIsForcedAtTheLengthLimit() {
    // max_length 3 counts the start token: A, then EOS is forced although A is more likely.
    Hypothesis greedy =
        new GreedySearch(settings(1, 1, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {3})
            .get(0);
    assertThat(greedy.tokens()).containsExactly(A);
    assertThat(greedy.sumLogProb()).isCloseTo(Math.log(.5) + Math.log(.35), within(1e-6));
    Hypothesis beam =
        new BeamSearch(settings(2, 1.0, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {3})
            .get(0);
    // Step 2 forces EOS on both beams, and the forced EOS adds 0 to the search score
    // (ForcedEOSTokenLogitsProcessor), not its log-probability: "A" -0.693/2 beats "B" -0.916/2.
    assertThat(beam.tokens()).containsExactly(A);
    assertThat(beam.score()).isCloseTo(Math.log(.5) / 2, within(1e-6));
    assertThat(beam.sumLogProb()).isCloseTo(Math.log(.5) + Math.log(.35), within(1e-6));
  }

  @Test
  void padIsNeverGeneratedEvenWhenMostLikely() {
    Map<String, double[]> padHeavy = Map.of("", new double[] {.05, .2, .05, .7});
    Hypothesis greedy =
        new GreedySearch(settings(1, 1, false))
            .run(new FakeDecoder(padHeavy, FALLBACK), new int[] {5})
            .get(0);
    assertThat(greedy.tokens()).startsWith(A).doesNotContain(PAD);
    Hypothesis beam =
        new BeamSearch(settings(2, 1, false))
            .run(new FakeDecoder(padHeavy, FALLBACK), new int[] {5})
            .get(0);
    assertThat(beam.tokens()).doesNotContain(PAD);
  }

  @Test
  void finishedRowsReceivePadWhileOthersContinue() {
    // Row 0 may have 1 token (EOS forced at once); row 1 runs A, A, EOS.
    FakeDecoder decoder = new FakeDecoder(TABLE, FALLBACK);
    List<Hypothesis> out = new GreedySearch(settings(1, 1, false)).run(decoder, new int[] {2, 10});
    assertThat(out.get(0).tokens()).isEmpty();
    assertThat(out.get(0).generated()).isEqualTo(1);
    assertThat(out.get(1).tokens()).containsExactly(A, A);
    assertThat(decoder.calls.get(1)).containsExactly(EOS, A);
    assertThat(decoder.calls.get(2)).containsExactly(PAD, A);
  }

  @Test
  void aSentenceGetsTheSameBeamResultAloneAndInABatch() {
    List<Hypothesis> batch =
        new BeamSearch(settings(2, 1.0, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {3, 10, 10});
    assertThat(batch.get(0).tokens()).containsExactly(A);
    assertThat(batch.get(1).tokens()).containsExactly(B);
    assertThat(batch.get(2).tokens()).containsExactly(B);
    List<Hypothesis> lp2 =
        new BeamSearch(settings(2, 2.0, false))
            .run(new FakeDecoder(TABLE, FALLBACK), new int[] {10, 3});
    assertThat(lp2.get(0).tokens()).containsExactly(A, A);
    // max_length 3 with length_penalty 2: "A" -0.693/4 beats "B" -0.916/4 (forced EOS adds 0).
    assertThat(lp2.get(1).tokens()).containsExactly(A);
  }
}
