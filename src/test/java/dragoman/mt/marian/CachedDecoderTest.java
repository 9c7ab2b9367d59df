package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.mt.NativeStack;
import dragoman.mt.marian.MarianParityTest.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decoder computes fewer rows than the search addresses, without changing a token: beams share
 * step 0, and finished rows leave the cache. All reference sentences run as one batch, so rows end
 * at different steps (the fixture's outputs are 1 to 22 tokens long).
 */
class CachedDecoderTest {
  private record Run(List<Hypothesis> hypotheses, List<Integer> rowsPerStep) {}

  private static Run search(Variant v, int beams, List<TinyMarian.Case> cases) throws Exception {
    ModelDirectory dir = ModelDirectory.locate(TinyMarian.DIR, false, v.variant);
    MarianConfig config = dir.readConfig();
    int width = cases.stream().mapToInt(c -> c.inputIds().length).max().orElseThrow();
    long[][] ids = new long[cases.size()][width];
    int[] lengths = new int[cases.size()];
    int[] maxLengths = new int[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      long[] src = cases.get(i).inputIds();
      Arrays.fill(ids[i], config.padId());
      System.arraycopy(src, 0, ids[i], 0, src.length);
      lengths[i] = src.length;
      maxLengths[i] = config.maxLength();
    }
    try (MarianTranslator t =
            MarianTranslator.open(dir, TinyMarian.AS_TRANSFORMERS.withNumBeams(beams));
        MarianModel model = MarianModel.load(dir, config, 1);
        CachedDecoder decoder = NativeStack.call("test", () -> model.start(ids, lengths, beams))) {
      SearchSettings settings = t.settings();
      List<Hypothesis> out =
          NativeStack.call(
              "test",
              () ->
                  beams == 1
                      ? new GreedySearch(settings).run(decoder, maxLengths)
                      : new BeamSearch(settings).run(decoder, maxLengths));
      return new Run(out, decoder.rowsPerStep());
    }
  }

  private static void assertReference(List<TinyMarian.Case> cases, List<Hypothesis> out) {
    for (int i = 0; i < cases.size(); i++) {
      List<Integer> expected = new ArrayList<>(cases.get(i).outputIds());
      if (expected.get(expected.size() - 1) == 0) {
        expected.remove(expected.size() - 1);
      }
      assertThat(out.get(i).tokens()).as(cases.get(i).source()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void finishedGreedyRowsLeaveTheBatch(Variant v) throws Exception {
    List<TinyMarian.Case> cases = TinyMarian.reference("greedy.json");
    Run run = search(v, 1, cases);
    assertReference(cases, run.hypotheses());
    List<Integer> rows = run.rowsPerStep();
    assertThat(rows.get(0)).isEqualTo(cases.size());
    for (int s = 1; s < rows.size(); s++) {
      assertThat(rows.get(s)).isLessThanOrEqualTo(rows.get(s - 1));
    }
    // Only the three sentences that run to the length limit are left at the end.
    assertThat(rows.get(rows.size() - 1)).isLessThan(cases.size() / 2);
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void beamsShareTheFirstStepAndFinishedSentencesLeaveTheBatch(Variant v) throws Exception {
    List<TinyMarian.Case> cases = TinyMarian.reference("beam4.json");
    Run run = search(v, 4, cases);
    assertReference(cases, run.hypotheses());
    List<Integer> rows = run.rowsPerStep();
    assertThat(rows.get(0)).isEqualTo(cases.size());
    assertThat(rows.get(1)).isEqualTo(4 * cases.size());
    int last = rows.get(rows.size() - 1);
    assertThat(last).isLessThan(4 * cases.size());
    assertThat(last % 4).isZero();
  }
}
