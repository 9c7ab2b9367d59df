package dragoman.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * How well scores separate positive from negative items (segments a reviewer should look at, or
 * not): precision, recall and F1 of {@code score >= threshold}, ROC-AUC, and PR-AUC as average
 * precision, each with a bootstrap percentile confidence interval.
 *
 * <p>Definitions follow scikit-learn so the numbers can be checked against it: ROC-AUC is {@code
 * roc_auc_score} (trapezoids over the ROC curve with tied scores grouped, which equals the
 * Mann-Whitney probability that a random positive outscores a random negative, ties counting half);
 * PR-AUC is {@code average_precision_score}, AP = Σ_k (R_k − R_{k−1}) P_k over the distinct score
 * thresholds from high to low (a step function, no interpolation). Precision with nothing flagged,
 * recall with no positives, and F1 with both zero are 0 (scikit-learn's zero_division); the AUCs
 * are NaN when one class is missing.
 *
 * <p>Bootstrap: {@code bootstrapSamples} resamples of all items with replacement from a {@link
 * SplittableRandom} seeded with {@code seed}; the interval is the (1−c)/2 and (1+c)/2 percentiles
 * of the resampled values with linear interpolation (NumPy's default); resamples in which a metric
 * is undefined are left out of that metric's interval.
 */
public record DetectionScores(
    int items,
    int positives,
    double threshold,
    Estimate precision,
    Estimate recall,
    Estimate f1,
    Estimate rocAuc,
    Estimate averagePrecision) {

  /** A point estimate and its bootstrap interval (NaN bounds when no bootstrap was run). */
  public record Estimate(double value, double low, double high) {}

  /**
   * Scores items.
   *
   * @param positive true for items that should be flagged
   * @param scores the detector's score per item, higher meaning more likely positive
   */
  public static DetectionScores of(boolean[] positive, double[] scores, DetectionOptions options) {
    if (positive.length != scores.length) {
      throw new IllegalArgumentException(
          positive.length + " labels but " + scores.length + " scores");
    }
    int n = positive.length;
    int pos = 0;
    for (boolean b : positive) {
      pos += b ? 1 : 0;
    }
    double t = options.threshold();
    int[][] samples = resamples(n, options);
    return new DetectionScores(
        n,
        pos,
        t,
        estimate(positive, scores, samples, options, (l, s) -> precision(l, s, t)),
        estimate(positive, scores, samples, options, (l, s) -> recall(l, s, t)),
        estimate(positive, scores, samples, options, (l, s) -> f1(l, s, t)),
        estimate(positive, scores, samples, options, DetectionScores::rocAuc),
        estimate(positive, scores, samples, options, DetectionScores::averagePrecision));
  }

  /** Precision of {@code score >= threshold}; 0 when nothing is flagged. */
  public static double precision(boolean[] positive, double[] scores, double threshold) {
    long[] c = confusion(positive, scores, threshold);
    return c[0] + c[1] == 0 ? 0.0 : c[0] / (double) (c[0] + c[1]);
  }

  /** Recall of {@code score >= threshold}; 0 when there are no positives. */
  public static double recall(boolean[] positive, double[] scores, double threshold) {
    long[] c = confusion(positive, scores, threshold);
    return c[0] + c[2] == 0 ? 0.0 : c[0] / (double) (c[0] + c[2]);
  }

  /** F1 of {@code score >= threshold}: 2TP / (2TP + FP + FN); 0 when that is 0/0. */
  public static double f1(boolean[] positive, double[] scores, double threshold) {
    long[] c = confusion(positive, scores, threshold);
    long den = 2 * c[0] + c[1] + c[2];
    return den == 0 ? 0.0 : 2 * c[0] / (double) den;
  }

  /** [TP, FP, FN]. */
  private static long[] confusion(boolean[] positive, double[] scores, double threshold) {
    long[] c = new long[3];
    for (int i = 0; i < positive.length; i++) {
      boolean flagged = scores[i] >= threshold;
      if (flagged && positive[i]) {
        c[0]++;
      } else if (flagged) {
        c[1]++;
      } else if (positive[i]) {
        c[2]++;
      }
    }
    return c;
  }

  /** scikit-learn's {@code roc_auc_score}; NaN when one class is missing. */
  public static double rocAuc(boolean[] positive, double[] scores) {
    Integer[] order = byScoreDescending(scores);
    long p = 0;
    long nNeg = 0;
    for (boolean b : positive) {
      if (b) {
        p++;
      } else {
        nNeg++;
      }
    }
    if (p == 0 || nNeg == 0) {
      return Double.NaN;
    }
    // Walk the distinct thresholds from high to low; each step adds a trapezoid.
    double area = 0;
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < order.length) {
      long tp0 = tp;
      long fp0 = fp;
      double s = scores[order[i]];
      while (i < order.length && scores[order[i]] == s) {
        if (positive[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      area += (fp - fp0) * (tp + tp0) / 2.0;
    }
    return area / ((double) p * nNeg);
  }

  /** scikit-learn's {@code average_precision_score}; NaN when there are no positives. */
  public static double averagePrecision(boolean[] positive, double[] scores) {
    Integer[] order = byScoreDescending(scores);
    long p = 0;
    for (boolean b : positive) {
      p += b ? 1 : 0;
    }
    if (p == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long tp = 0;
    long flagged = 0;
    double prevRecall = 0;
    int i = 0;
    while (i < order.length) {
      double s = scores[order[i]];
      while (i < order.length && scores[order[i]] == s) {
        tp += positive[order[i]] ? 1 : 0;
        flagged++;
        i++;
      }
      double recall = tp / (double) p;
      ap += (recall - prevRecall) * (tp / (double) flagged);
      prevRecall = recall;
    }
    return ap;
  }

  private static Integer[] byScoreDescending(double[] scores) {
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a score is NaN");
      }
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    return order;
  }

  private static int[][] resamples(int n, DetectionOptions options) {
    SplittableRandom random = new SplittableRandom(options.seed());
    int[][] out = new int[n == 0 ? 0 : options.bootstrapSamples()][n];
    for (int[] sample : out) {
      for (int i = 0; i < n; i++) {
        sample[i] = random.nextInt(n);
      }
    }
    return out;
  }

  private static Estimate estimate(
      boolean[] positive,
      double[] scores,
      int[][] samples,
      DetectionOptions options,
      ToDoubleBiFunction<boolean[], double[]> metric) {
    double value = metric.applyAsDouble(positive, scores);
    double[] values = new double[samples.length];
    int kept = 0;
    boolean[] l = new boolean[positive.length];
    double[] s = new double[scores.length];
    for (int[] sample : samples) {
      for (int i = 0; i < sample.length; i++) {
        l[i] = positive[sample[i]];
        s[i] = scores[sample[i]];
      }
      double v = metric.applyAsDouble(l, s);
      if (!Double.isNaN(v)) {
        values[kept++] = v;
      }
    }
    if (kept == 0) {
      return new Estimate(value, Double.NaN, Double.NaN);
    }
    double[] sorted = Arrays.copyOf(values, kept);
    Arrays.sort(sorted);
    double alpha = (1 - options.confidence()) / 2;
    return new Estimate(value, percentile(sorted, alpha), percentile(sorted, 1 - alpha));
  }

  /** NumPy's default ("linear") percentile of sorted values, q in [0, 1]. */
  static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
