package dragoman.mt.marian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy decoding with Hugging Face {@code generate} semantics for Marian (transformers {@code
 * GenerationMixin._sample} without sampling): logits processors on the raw logits ({@code
 * NoBadWordsLogitsProcessor} sets the bad ids to -inf, {@code ForcedEOSTokenLogitsProcessor} leaves
 * only EOS when {@code cur_len == max_length - 1}), then the first arg-max; a finished row keeps
 * receiving pad. {@code max_length} counts the decoder start token, as in transformers.
 */
public final class GreedySearch {
  private final SearchSettings settings;

  public GreedySearch(SearchSettings settings) {
    this.settings = settings;
  }

  /**
   * @param maxLengths per sentence, the Hugging Face {@code max_length} (decoder start included; at
   *     least 2)
   * @return one hypothesis per sentence
   */
  public List<Hypothesis> run(DecoderStep step, int[] maxLengths) {
    int rows = maxLengths.length;
    int limit = 0;
    for (int m : maxLengths) {
      if (m < 2) {
        throw new IllegalArgumentException("max length must be at least 2, got " + m);
      }
      limit = Math.max(limit, m);
    }
    long[] last = new long[rows];
    Arrays.fill(last, settings.decoderStartId());
    boolean[] finished = new boolean[rows];
    double[] sum = new double[rows];
    int[] count = new int[rows];
    List<List<Integer>> tokens = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      tokens.add(new ArrayList<>());
    }
    int curLen = 1;
    int open = rows;
    while (open > 0 && curLen < limit) {
      // The first arg-max of the processed logits is the best candidate ranked by raw logit.
      boolean[] active = new boolean[rows];
      for (int r = 0; r < rows; r++) {
        active[r] = !finished[r];
      }
      StepScores scores = step.scores(last, null, active, settings, 1, false);
      int k = scores.k();
      for (int r = 0; r < rows; r++) {
        if (finished[r]) {
          last[r] = settings.padId();
          continue;
        }
        int token;
        float logProb;
        if (curLen == maxLengths[r] - 1) {
          token = settings.eosId();
          logProb = scores.eosLogProb()[r];
        } else {
          token = scores.tokens()[r * k];
          logProb = scores.logProbs()[r * k];
        }
        sum[r] += logProb;
        count[r]++;
        last[r] = token;
        if (token == settings.eosId()) {
          finished[r] = true;
          open--;
        } else {
          tokens.get(r).add(token);
        }
      }
      curLen++;
    }
    List<Hypothesis> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      out.add(new Hypothesis(tokens.get(r), sum[r], count[r], sum[r]));
    }
    return out;
  }
}
