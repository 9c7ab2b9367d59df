package dragoman.mt.marian;

/**
 * Log-softmax over one row of a row-major logits array, with one token left out of the normaliser:
 * Marian's pad, which transformers' {@code MarianMTModel.adjust_logits_during_generation} sets to
 * -inf before {@code log_softmax} in beam search ("hack: adjust tokens for Marian").
 */
final class LogSoftmax {
  private LogSoftmax() {}

  /** log(sum(exp(row))) for row {@code row} of width {@code width}, without token {@code left}. */
  static double logSumExp(float[] logits, int row, int width, int left) {
    int off = row * width;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < width; i++) {
      if (i != left) {
        max = Math.max(max, logits[off + i]);
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < width; i++) {
      if (i != left) {
        sum += Math.exp(logits[off + i] - max);
      }
    }
    return max + Math.log(sum);
  }
}
