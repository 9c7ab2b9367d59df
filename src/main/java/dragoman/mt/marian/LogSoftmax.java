package dragoman.mt.marian;

/** Log-softmax over one row of a row-major logits array. */
final class LogSoftmax {
  private LogSoftmax() {}

  /** log(sum(exp(row))) for row {@code row} of width {@code width}. */
  static double logSumExp(float[] logits, int row, int width) {
    int off = row * width;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < width; i++) {
      max = Math.max(max, logits[off + i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < width; i++) {
      sum += Math.exp(logits[off + i] - max);
    }
    return max + Math.log(sum);
  }
}
