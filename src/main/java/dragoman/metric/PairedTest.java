package dragoman.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * sacreBLEU 2.x's paired significance tests of several systems against the first, the baseline
 * ({@code sacrebleu/significance.py}): paired bootstrap resampling (Koehn 2004, as Moses' {@code
 * bootstrap-hypothesis-difference-significance.pl}) and paired approximate randomisation (Riezler
 * and Maxwell 2005, as MultEval's stratified test). Resampling reproduces sacreBLEU's: a fresh
 * {@code np.random.default_rng(seed)} per system ({@link Pcg64}), all resample indices drawn at
 * once row by row ({@code rng.choice(n, size=(samples, n))}), or all coin flips at once ({@code
 * rng.integers(2, size=(trials, n), dtype=bool)}), and bootstrap statistics summed and scored in
 * float32 as numpy does it, so that p-values, means and confidence intervals equal sacreBLEU's.
 */
public final class PairedTest {
  /** sacreBLEU's default seed ({@code SACREBLEU_SEED}). */
  public static final long DEFAULT_SEED = 12345;

  public static final int DEFAULT_BOOTSTRAP_SAMPLES = 1000;
  public static final int DEFAULT_AR_TRIALS = 10000;

  private PairedTest() {}

  /** The two tests, with the signature field sacreBLEU gives each. */
  public enum Kind {
    /** Paired bootstrap resampling; signature {@code bs:N}. */
    BOOTSTRAP("bs", DEFAULT_BOOTSTRAP_SAMPLES),
    /** Paired approximate randomisation; signature {@code ar:N}. */
    APPROXIMATE_RANDOMIZATION("ar", DEFAULT_AR_TRIALS);

    private final String signatureKey;
    private final int defaultSamples;

    Kind(String signatureKey, int defaultSamples) {
      this.signatureKey = signatureKey;
      this.defaultSamples = defaultSamples;
    }

    public String signatureKey() {
      return signatureKey;
    }

    public int defaultSamples() {
      return defaultSamples;
    }
  }

  /**
   * @param kind which test
   * @param samples bootstrap resamples or randomisation trials
   * @param seed the random seed
   */
  public record Options(Kind kind, int samples, long seed) {
    public Options {
      if (samples < 1) {
        throw new IllegalArgumentException("the number of samples must be at least 1");
      }
    }

    /** sacreBLEU's defaults for a test: 1000 resamples or 10000 trials, seed 12345. */
    public static Options defaults(Kind kind) {
      return new Options(kind, kind.defaultSamples(), DEFAULT_SEED);
    }
  }

  /**
   * One system's result for one metric, as sacreBLEU's {@code Result}.
   *
   * @param score the system's score
   * @param pValue against the baseline; null for the baseline
   * @param mean bootstrap estimate of the true mean; null for approximate randomisation
   * @param ci half the width of the 95% confidence interval around it; null likewise
   */
  public record Result(double score, Double pValue, Double mean, Double ci) {}

  /**
   * Runs the test.
   *
   * @param metrics the metrics, each bound to the same references
   * @param systems the systems' hypotheses, the baseline first
   * @return per system (baseline first), per metric, the result
   */
  public static List<List<Result>> run(
      List<CorpusMetric> metrics, List<List<String>> systems, Options options) {
    if (systems.size() < 2) {
      throw new IllegalArgumentException("paired tests need a baseline and at least one system");
    }
    int n = systems.get(0).size();
    List<List<Result>> out = new ArrayList<>();
    for (int s = 0; s < systems.size(); s++) {
      out.add(new ArrayList<>());
    }
    int[][] indices =
        options.kind() == Kind.BOOTSTRAP
            ? resampleIndices(n, options.samples(), options.seed())
            : null;
    for (CorpusMetric metric : metrics) {
      double[][] baseStats = metric.segmentStatistics(systems.get(0));
      double baseScore = metric.score(sum(baseStats));
      if (options.kind() == Kind.BOOTSTRAP) {
        double[] baseSamples = bootstrapScores(metric, baseStats, indices);
        double[] ci = estimateCi(baseSamples, metric.float32Scores());
        out.get(0).add(new Result(baseScore, null, ci[0], ci[1]));
      } else {
        out.get(0).add(new Result(baseScore, null, null, null));
      }
      for (int s = 1; s < systems.size(); s++) {
        double[][] stats = metric.segmentStatistics(systems.get(s));
        double score = metric.score(sum(stats));
        double difference = Math.abs(baseScore - score);
        if (options.kind() == Kind.BOOTSTRAP) {
          out.get(s).add(bootstrap(metric, baseStats, stats, score, difference, indices));
        } else {
          out.get(s)
              .add(
                  new Result(
                      score,
                      approximateRandomization(
                          metric, baseStats, stats, difference, options.samples(), options.seed()),
                      null,
                      null));
        }
      }
    }
    return out;
  }

  /** {@code rng.choice(n, size=(samples, n), replace=True)}, filled row by row. */
  static int[][] resampleIndices(int n, int samples, long seed) {
    Pcg64 rng = Pcg64.seeded(seed);
    int[][] idx = new int[samples][n];
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < n; j++) {
        idx[s][j] = rng.nextBounded(n);
      }
    }
    return idx;
  }

  /** {@code _paired_bs_test} for one system and metric. */
  private static Result bootstrap(
      CorpusMetric metric,
      double[][] baseStats,
      double[][] stats,
      double score,
      double difference,
      int[][] indices) {
    double[] base = bootstrapScores(metric, baseStats, indices);
    double[] sys = bootstrapScores(metric, stats, indices);
    double[] ci = estimateCi(sys, metric.float32Scores());
    int samples = base.length;
    long count = 0;
    if (metric.float32Scores()) {
      float[] diffs = new float[samples];
      for (int i = 0; i < samples; i++) {
        diffs[i] = Math.abs((float) sys[i] - (float) base[i]);
      }
      float mean = pairwiseSum(diffs, 0, samples) / samples;
      // the Python float difference meets a float32 array: numpy 2 casts it to float32
      float threshold = (float) difference;
      for (float d : diffs) {
        if (d - mean > threshold) {
          count++;
        }
      }
    } else {
      double[] diffs = new double[samples];
      for (int i = 0; i < samples; i++) {
        diffs[i] = Math.abs(sys[i] - base[i]);
      }
      double mean = pairwiseSum(diffs, 0, samples) / samples;
      for (double d : diffs) {
        if (d - mean > difference) {
          count++;
        }
      }
    }
    return new Result(score, pValue(count, samples), ci[0], ci[1]);
  }

  /** {@code _paired_ar_test} for one system and metric: the p-value. */
  private static double approximateRandomization(
      CorpusMetric metric,
      double[][] baseStats,
      double[][] stats,
      double difference,
      int trials,
      long seed) {
    int n = baseStats.length;
    int k = baseStats.length == 0 ? 0 : baseStats[0].length;
    Pcg64 rng = Pcg64.seeded(seed);
    boolean[] flips = new boolean[trials * n];
    rng.fillBooleans(flips);
    long count = 0;
    double[] a = new double[k];
    double[] b = new double[k];
    for (int t = 0; t < trials; t++) {
      Arrays.fill(a, 0);
      Arrays.fill(b, 0);
      // pos_sel @ baseline + neg_sel @ system, and the other way round; sums of whole counts
      // (halves at most, for TER's mean reference length), so their order does not matter
      for (int j = 0; j < n; j++) {
        boolean pos = flips[t * n + j];
        double[] toA = pos ? baseStats[j] : stats[j];
        double[] toB = pos ? stats[j] : baseStats[j];
        for (int c = 0; c < k; c++) {
          a[c] += toA[c];
          b[c] += toB[c];
        }
      }
      if (Math.abs(metric.score(a) - metric.score(b)) > difference) {
        count++;
      }
    }
    return pValue(count, trials);
  }

  /** MultEval's p-value, as sacreBLEU's {@code _compute_p_value}: (c + 1) / (N + 1). */
  private static double pValue(long count, int samples) {
    return (count + 1) / (double) (samples + 1);
  }

  /**
   * Scores of the bootstrap resamples: statistics as float32, summed segment by segment in float32
   * ({@code stats_np[idxs][s].sum(0)}), scored by the metric's float32 arithmetic.
   */
  private static double[] bootstrapScores(CorpusMetric metric, double[][] stats, int[][] indices) {
    int k = stats.length == 0 ? 0 : stats[0].length;
    float[][] f = new float[stats.length][k];
    for (int j = 0; j < stats.length; j++) {
      for (int c = 0; c < k; c++) {
        f[j][c] = (float) stats[j][c];
      }
    }
    double[] scores = new double[indices.length];
    float[] sums = new float[k];
    for (int s = 0; s < indices.length; s++) {
      Arrays.fill(sums, 0f);
      for (int j : indices[s]) {
        float[] row = f[j];
        for (int c = 0; c < k; c++) {
          sums[c] += row[c];
        }
      }
      scores[s] = metric.scoreOfFloat32(sums);
    }
    return scores;
  }

  /**
   * sacreBLEU's {@code estimate_ci}: the mean of the sorted scores and half the distance between
   * the 2.5% and 97.5% order statistics, in the scores' precision.
   *
   * @return {mean, ci}
   */
  static double[] estimateCi(double[] scores, boolean float32) {
    int n = scores.length;
    int lowerIdx = n / 40;
    int upperIdx = n - lowerIdx - 1;
    if (float32) {
      float[] sorted = new float[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = (float) scores[i];
      }
      Arrays.sort(sorted);
      float mean = pairwiseSum(sorted, 0, n) / n;
      float ci = 0.5f * (sorted[upperIdx] - sorted[lowerIdx]);
      return new double[] {mean, ci};
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double mean = pairwiseSum(sorted, 0, n) / n;
    return new double[] {mean, 0.5 * (sorted[upperIdx] - sorted[lowerIdx])};
  }

  /**
   * numpy's pairwise summation ({@code pairwise_sum} in {@code loops_utils.h.src}): plain below 8
   * elements, eight accumulators up to 128, halves (cut at a multiple of 8) above.
   */
  static float pairwiseSum(float[] a, int from, int n) {
    if (n < 8) {
      float res = -0.0f;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= 128) {
      float[] r = new float[8];
      System.arraycopy(a, from, r, 0, 8);
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
  }

  /** {@link #pairwiseSum(float[], int, int)} in double precision. */
  static double pairwiseSum(double[] a, int from, int n) {
    if (n < 8) {
      double res = -0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    } else if (n <= 128) {
      double[] r = new double[8];
      System.arraycopy(a, from, r, 0, 8);
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
  }

  private static double[] sum(double[][] rows) {
    int k = rows.length == 0 ? 0 : rows[0].length;
    double[] out = new double[k];
    for (double[] r : rows) {
      for (int c = 0; c < k; c++) {
        out[c] += r[c];
      }
    }
    return out;
  }
}
