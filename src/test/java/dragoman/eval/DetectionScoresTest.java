package dragoman.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DetectionScoresTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void smallCaseByHand() {
    boolean[] labels = {T, F, T, F};
    double[] scores = {0.9, 0.8, 0.4, 0.1};
    // At 0.5 the first two are flagged: TP 1, FP 1, FN 1 -> P = R = F1 = 1/2.
    // ROC-AUC: of the 4 positive/negative pairs the positive wins 3 -> 3/4.
    // AP: thresholds 0.9 (R 1/2, P 1), 0.8 (R 1/2), 0.4 (R 1, P 2/3), 0.1 (R 1):
    // 1/2 * 1 + 1/2 * 2/3 = 5/6.
    DetectionScores s =
        DetectionScores.of(labels, scores, DetectionOptions.DEFAULTS.withBootstrapSamples(0));
    assertThat(s.precision().value()).isEqualTo(0.5);
    assertThat(s.recall().value()).isEqualTo(0.5);
    assertThat(s.f1().value()).isEqualTo(0.5);
    assertThat(s.rocAuc().value()).isCloseTo(0.75, within(1e-12));
    assertThat(s.averagePrecision().value()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(s.rocAuc().low()).isNaN();
  }

  @Test
  void thresholdIsInclusive() {
    assertThat(DetectionScores.precision(new boolean[] {T}, new double[] {0.5}, 0.5)).isEqualTo(1);
  }

  @Test
  void tiedScoresCountHalf() {
    // One positive and one negative with the same score: AUC 1/2; AP: one threshold flags both,
    // R = 1, P = 1/2 -> 1/2. scikit-learn 1.2.1 gives 0.5 for both.
    boolean[] labels = {T, F};
    double[] scores = {0.5, 0.5};
    assertThat(DetectionScores.rocAuc(labels, scores)).isEqualTo(0.5);
    assertThat(DetectionScores.averagePrecision(labels, scores)).isEqualTo(0.5);
  }

  @Test
  void agreesWithScikitLearnOnTiedScores() {
    // Labels and scores from Python random.seed(7); expected values printed by scikit-learn
    // 1.2.1 (Debian python3-sklearn): roc_auc_score, average_precision_score.
    int[] y = {
      1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0
    };
    double[] scores = {
      0.6, 0.4, 0.5, 0.1, 0.1, 0.2, 0.7, 0.4, 0.3, 0.6, 0.5, 0.3, 0.8, 0.7, 0.2, 0.6, 0.5, 0.9, 0.7,
      0.3, 1.0, 0.1, 0.4, 0.8, 0.2, 0.5, 0.0, 0.7, 0.8, 0.6
    };
    boolean[] labels = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = y[i] == 1;
    }
    assertThat(DetectionScores.rocAuc(labels, scores)).isCloseTo(0.2647058823529411, within(1e-12));
    assertThat(DetectionScores.averagePrecision(labels, scores))
        .isCloseTo(0.46155151064340066, within(1e-12));
  }

  @Test
  void oneClassLeavesTheAucsUndefined() {
    boolean[] labels = {F, F};
    double[] scores = {0.2, 0.7};
    assertThat(DetectionScores.rocAuc(labels, scores)).isNaN();
    assertThat(DetectionScores.averagePrecision(labels, scores)).isNaN();
    assertThat(DetectionScores.recall(labels, scores, 0.5)).isZero();
    assertThat(DetectionScores.precision(labels, scores, 0.5)).isZero();
  }

  @Test
  void bootstrapIntervalsAreReproducibleAndBracketTheEstimate() {
    int n = 200;
    boolean[] labels = new boolean[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3 == 0;
      scores[i] = (labels[i] ? 0.3 : 0.0) + (i * 37 % 100) / 100.0 * 0.7;
    }
    DetectionOptions o = DetectionOptions.DEFAULTS.withBootstrapSamples(300);
    DetectionScores a = DetectionScores.of(labels, scores, o);
    DetectionScores b = DetectionScores.of(labels, scores, o);
    DetectionScores c = DetectionScores.of(labels, scores, o.withSeed(1));
    assertThat(a).isEqualTo(b);
    assertThat(a.rocAuc()).isNotEqualTo(c.rocAuc());
    for (DetectionScores.Estimate e :
        new DetectionScores.Estimate[] {
          a.precision(), a.recall(), a.f1(), a.rocAuc(), a.averagePrecision()
        }) {
      assertThat(e.low()).isLessThanOrEqualTo(e.value());
      assertThat(e.high()).isGreaterThanOrEqualTo(e.value());
      assertThat(e.high()).isGreaterThan(e.low());
    }
  }

  @Test
  void percentileInterpolatesLikeNumpy() {
    // numpy.percentile([1, 2, 3, 4], 25) = 1.75 (position 0.75 between 1 and 2).
    assertThat(DetectionScores.percentile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
  }
}
