package dragoman.mt.marian;

import java.util.Arrays;

/**
 * What a search needs from one decoder step, per row, instead of the whole vocabulary: the best
 * {@code k} candidates and their log-probabilities, and the log-probability of EOS. Computing these
 * next to the logits (inside ONNX Runtime, see {@link CachedDecoder}) saves copying {@code rows *
 * vocab} floats into Java and taking their log-sum-exp there, which cost a quarter of the wall time
 * (eval/results/speed.md).
 *
 * <p>Log-probabilities leave pad out of the normaliser (transformers' {@code
 * MarianMTModel.adjust_logits_during_generation} sets pad to -inf before {@code log_softmax}).
 * Candidates never include the bad ids ({@code bad_words_ids}); they rank by raw logit (greedy:
 * {@code torch.argmax} of the processed logits) or by log-probability (beam search); equal values
 * keep the lower token id first, the order of {@code torch.argmax} and {@code torch.topk}.
 *
 * @param k candidates per row
 * @param values row-major {@code rows * k}, best first: raw logits (greedy) or log-probabilities
 *     (beam search)
 * @param tokens the candidates' token ids, same layout; -1 where a row has fewer than k (tiny
 *     vocabularies)
 * @param logProbs the candidates' log-probabilities, same layout
 * @param eosLogProb per row, the log-probability of EOS
 */
public record StepScores(
    int k, float[] values, int[] tokens, float[] logProbs, float[] eosLogProb) {

  /** The same from a full row-major logits array, in Java (for decoders that only give logits). */
  static StepScores fromLogits(
      float[] logits, int rows, SearchSettings settings, int k, boolean rankLogProbs) {
    int vocab = settings.vocabSize();
    if (logits.length != rows * vocab) {
      throw new IllegalStateException(
          "decoder returned " + logits.length + " logits for " + rows + " rows of " + vocab);
    }
    boolean[] bad = settings.badMask();
    float[] values = new float[rows * k];
    int[] tokens = new int[rows * k];
    float[] logProbs = new float[rows * k];
    float[] eos = new float[rows];
    Arrays.fill(values, Float.NEGATIVE_INFINITY);
    Arrays.fill(logProbs, Float.NEGATIVE_INFINITY);
    Arrays.fill(tokens, -1);
    for (int r = 0; r < rows; r++) {
      int off = r * vocab;
      double logz = LogSoftmax.logSumExp(logits, r, vocab, settings.padId());
      eos[r] = (float) (logits[off + settings.eosId()] - logz);
      int found = 0;
      int base = r * k;
      for (int t = 0; t < vocab; t++) {
        if (bad[t]) {
          continue;
        }
        float v = rankLogProbs ? (float) (logits[off + t] - logz) : logits[off + t];
        if (found == k && !(v > values[base + k - 1])) {
          continue;
        }
        int pos = found < k ? found++ : k - 1;
        while (pos > 0 && v > values[base + pos - 1]) {
          values[base + pos] = values[base + pos - 1];
          tokens[base + pos] = tokens[base + pos - 1];
          logProbs[base + pos] = logProbs[base + pos - 1];
          pos--;
        }
        values[base + pos] = v;
        tokens[base + pos] = t;
        logProbs[base + pos] = (float) (logits[off + t] - logz);
      }
    }
    return new StepScores(k, values, tokens, logProbs, eos);
  }
}
