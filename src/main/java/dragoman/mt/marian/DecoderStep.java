package dragoman.mt.marian;

/**
 * One decoder step for a set of rows (sentences, or sentences times beams): the model side of a
 * search. The search ({@link GreedySearch}, {@link BeamSearch}) only sees this function, so it can
 * be driven by fake logits in tests and by the ONNX decoder in {@link MarianModel}.
 */
@FunctionalInterface
public interface DecoderStep {
  /**
   * Runs the decoder on the next token of every row and returns the logits for the token after it.
   *
   * @param tokens the newest token of each row; {@code tokens.length} is the number of rows
   * @param parents for each row, the row of the previous step whose history (KV cache) it extends,
   *     or null when every row continues itself (always null at the first step)
   * @return logits, row-major: {@code rows * vocabSize} values
   */
  float[] next(long[] tokens, int[] parents);

  /**
   * Runs the decoder like {@link #next} and returns only what a search needs (see {@link
   * StepScores}): the best {@code k} candidates of each row, ranked by raw logit ({@code logProbs}
   * false, greedy) or by log-probability (true, beam search), the normaliser and the EOS logit.
   * This default computes them in Java from {@link #next}; the ONNX decoder computes them in ONNX
   * Runtime.
   *
   * @param active per row, whether the search still reads its scores, or null for all rows: a row
   *     once inactive stays so (its sentence is finished), and the decoder may stop computing it;
   *     an inactive row's scores are unspecified
   */
  default StepScores scores(
      long[] tokens,
      int[] parents,
      boolean[] active,
      SearchSettings settings,
      int k,
      boolean logProbs) {
    return StepScores.fromLogits(next(tokens, parents), tokens.length, settings, k, logProbs);
  }
}
