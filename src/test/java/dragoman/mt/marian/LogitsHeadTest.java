package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dragoman.mt.GenerationOptions;
import dragoman.mt.NativeStack;
import org.junit.jupiter.api.Test;

/**
 * The logits heads (ONNX graphs run on the decoder's logits inside ONNX Runtime) against the same
 * quantities computed in Java from the full logits, and {@link StepScores#fromLogits} against
 * values worked out by hand.
 */
class LogitsHeadTest {
  // vocab 4: eos 0, pad 3 (also the only bad id), as in opus-mt where pad is the last id.
  private static final SearchSettings TOY =
      new SearchSettings(2, 1.0, false, 3, 0, 3, new int[] {3}, 4);

  @Test
  void javaScoresDropBadIdsKeepTiesInIdOrderAndLeavePadOutOfTheNormaliser() {
    float[] logits = {0f, 1f, 1f, 5f}; // pad has the largest logit but is never a candidate
    StepScores s = StepScores.fromLogits(logits, 1, TOY, 3, false);
    assertThat(s.tokens()).containsExactly(1, 2, 0);
    assertThat(s.values()).containsExactly(1f, 1f, 0f);
    double logz = Math.log(Math.exp(0) + Math.exp(1) + Math.exp(1)); // pad left out
    assertThat((double) s.logProbs()[0]).isCloseTo(1 - logz, within(1e-6));
    assertThat((double) s.eosLogProb()[0]).isCloseTo(0 - logz, within(1e-6));
  }

  @Test
  void javaScoresRankLogProbabilitiesForBeamSearch() {
    float[] logits = {2f, 0f, 3f, 0f, 1f, 4f, 0f, 9f};
    StepScores s = StepScores.fromLogits(logits, 2, TOY, 2, true);
    assertThat(s.tokens()).containsExactly(2, 0, 1, 0);
    double logz1 = Math.log(Math.exp(0) + Math.exp(1) + Math.exp(4));
    assertThat((double) s.values()[2]).isCloseTo(4 - logz1, within(1e-6));
    assertThat(s.values()[2]).isEqualTo(s.logProbs()[2]);
  }

  @Test
  void onnxHeadsGiveTheCandidatesAndLogProbabilitiesJavaComputesFromTheFullLogits()
      throws Exception {
    ModelDirectory dir = ModelDirectory.locate(TinyMarian.DIR, false);
    MarianConfig config = dir.readConfig();
    try (MarianTranslator t = MarianTranslator.open(dir, GenerationOptions.defaults())) {
      SearchSettings settings = t.settings();
      long[] source = t.encode("Der Hund schläft im Garten, und die Katze sieht ihm zu.");
      long[][] ids = {source, source};
      int[] lengths = {source.length, source.length};
      try (MarianModel model = MarianModel.load(dir, config, 1)) {
        for (boolean rankLogProbs : new boolean[] {false, true}) {
          try (CachedDecoder onnx = NativeStack.call("test", () -> model.start(ids, lengths, 1));
              CachedDecoder plain = NativeStack.call("test", () -> model.start(ids, lengths, 1))) {
            long[] tokens = {settings.decoderStartId(), settings.decoderStartId()};
            for (int step = 0; step < 4; step++) {
              long[] feed = tokens.clone();
              StepScores fromOnnx =
                  NativeStack.call(
                      "test", () -> onnx.scores(feed, null, null, settings, 5, rankLogProbs));
              float[] logits = NativeStack.call("test", () -> plain.next(feed, null));
              StepScores fromJava = StepScores.fromLogits(logits, 2, settings, 5, rankLogProbs);
              assertThat(fromOnnx.tokens()).containsExactly(fromJava.tokens());
              for (int i = 0; i < fromJava.logProbs().length; i++) {
                assertThat(fromOnnx.logProbs()[i]).isCloseTo(fromJava.logProbs()[i], within(1e-4f));
                assertThat(fromOnnx.values()[i]).isCloseTo(fromJava.values()[i], within(1e-4f));
              }
              assertThat(fromOnnx.eosLogProb()[0])
                  .isCloseTo(fromJava.eosLogProb()[0], within(1e-4f));
              // Follow the second-best candidate, so the steps do not all see EOS.
              tokens = new long[] {fromJava.tokens()[1], fromJava.tokens()[6]};
            }
          }
        }
      }
    }
  }
}
