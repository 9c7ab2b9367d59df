package dragoman.align;

import java.util.List;

/**
 * The length model of Gale and Church (1993), "A program for aligning sentences in bilingual
 * corpora", Computational Linguistics 19(1): the difference of character lengths of linked text is
 * normally distributed, {@code delta = (l2 - c*l1) / sqrt(l1 * s^2)} with c = 1 (target characters
 * per source character) and s^2 = 6.8 (variance per character), both from the paper (section 4.1
 * and its program's foreign_chars_per_eng_char and var_per_eng_char). As in the paper's program,
 * the mean length {@code (l1 + l2/c)/2} stands for l1, so insertions and deletions get a finite
 * cost. A bead costs {@code -ln P(|delta| >= observed) - ln P(bead shape)} nats.
 *
 * <p>Works on lengths only, so the coarse levels of the search use it on blocks of sentences.
 */
public final class GaleChurchCost implements BeadScorer {
  /** Target characters per source character (Gale and Church 1993, section 4.1). */
  public static final double C = 1.0;

  /** Variance of the target length per source character (Gale and Church 1993, section 4.1). */
  public static final double S2 = 6.8;

  private final long[] sourcePrefix;
  private final long[] targetPrefix;
  private final double[][] priorCost;
  private final double weight;
  private final double loneCap;

  /**
   * @param sourceLengths character length of each source sentence (or block)
   * @param targetLengths character length of each target sentence (or block)
   * @param types the bead shapes the search uses, for their priors
   * @param weight factor on the whole cost (AlignOptions.lengthWeight)
   * @param loneCap most length cost of a 1-0 or 0-1 bead (AlignOptions.loneLengthCost; infinite for
   *     the published model)
   */
  public GaleChurchCost(
      int[] sourceLengths,
      int[] targetLengths,
      List<BeadType> types,
      double weight,
      double loneCap) {
    this.sourcePrefix = prefix(sourceLengths);
    this.targetPrefix = prefix(targetLengths);
    int max = 0;
    for (BeadType t : types) {
      max = Math.max(max, Math.max(t.source(), t.target()));
    }
    this.priorCost = new double[max + 1][max + 1];
    for (BeadType t : types) {
      priorCost[t.source()][t.target()] = -Math.log(t.prior());
    }
    this.weight = weight;
    this.loneCap = loneCap;
  }

  /** Character lengths in Unicode code points, as the paper counts characters. */
  public static int[] lengths(List<String> sentences) {
    int[] out = new int[sentences.size()];
    for (int k = 0; k < out.length; k++) {
      String s = sentences.get(k);
      out[k] = s.codePointCount(0, s.length());
    }
    return out;
  }

  private static long[] prefix(int[] lengths) {
    long[] p = new long[lengths.length + 1];
    for (int k = 0; k < lengths.length; k++) {
      p[k + 1] = p[k] + lengths[k];
    }
    return p;
  }

  @Override
  public double cost(int i, int a, int j, int b) {
    long l1 = sourcePrefix[i + a] - sourcePrefix[i];
    long l2 = targetPrefix[j + b] - targetPrefix[j];
    double length = lengthCost(l1, l2);
    if (a == 0 || b == 0) {
      length = Math.min(length, loneCap);
    }
    return weight * (length + priorCost[a][b]);
  }

  /** {@code -ln(2 * (1 - Phi(|delta|)))}: the two-sided tail of the length difference, in nats. */
  public static double lengthCost(long l1, long l2) {
    if (l1 == 0 && l2 == 0) {
      return 0;
    }
    double mean = (l1 + l2 / C) / 2;
    double z = Math.abs((C * l1 - l2) / Math.sqrt(S2 * mean));
    // 2 * (1 - Phi(z)) = erfc(z / sqrt 2)
    return -logErfc(z / Math.sqrt(2));
  }

  /**
   * ln erfc(x) for x >= 0, from the Chebyshev fit in Numerical Recipes (Press et al., 2nd ed.,
   * section 6.2, erfcc; fractional error below 1.2e-7), taken in log space so that long, badly
   * matched beads get a large finite cost instead of an underflow.
   */
  static double logErfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly =
        -x * x
            - 1.26551223
            + t
                * (1.00002368
                    + t
                        * (0.37409196
                            + t
                                * (0.09678418
                                    + t
                                        * (-0.18628806
                                            + t
                                                * (0.27886807
                                                    + t
                                                        * (-1.13520398
                                                            + t
                                                                * (1.48851587
                                                                    + t
                                                                        * (-0.82215223
                                                                            + t
                                                                                * 0.17087277))))))));
    return Math.log(t) + poly;
  }
}
