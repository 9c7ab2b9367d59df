package dragoman.metric;

import java.util.List;

/**
 * A corpus metric bound to its references, seen as sacreBLEU's significance tests see it ({@code
 * sacrebleu/significance.py}): per-segment sufficient statistics that add up over any sample of
 * segments, and a score computed from their sums.
 */
public interface CorpusMetric {
  /** The metric's name as sacreBLEU prints it: BLEU, chrF2, chrF2++, TER. */
  String name();

  /** One row of sufficient statistics per hypothesis line (sacreBLEU's segment statistics). */
  double[][] segmentStatistics(List<String> hypotheses);

  /** The score (0..100) from summed statistics, in double precision as sacreBLEU's own scores. */
  double score(double[] sums);

  /**
   * The score from summed statistics held as float32, with each arithmetic step rounded as numpy 2
   * rounds it: sacreBLEU's bootstrap resampling casts the statistics to float32, and the scores of
   * its resamples, their mean and its confidence interval depend on that.
   */
  double scoreOfFloat32(float[] sums);

  /**
   * Whether {@link #scoreOfFloat32} yields a numpy float32 (chrF, TER) rather than a Python float
   * (BLEU takes logarithms with Python's {@code math.log}); sacreBLEU's averages and differences of
   * resampled scores then stay in that precision.
   */
  boolean float32Scores();
}
