package dragoman.eval;

import java.util.List;

/**
 * Precision, recall and alignment error rate of predicted word links A against gold sure links S
 * and possible links P (S within P), as defined by Och and Ney (2003, "A Systematic Comparison of
 * Various Statistical Alignment Models", Computational Linguistics 29(1), section 5): precision =
 * |A∩P| / |A|, recall = |A∩S| / |S|, AER = 1 − (|A∩S| + |A∩P|) / (|A| + |S|). Counts are summed
 * over all sentences before dividing; the sure/possible marks of the predicted links are ignored.
 * Precision and recall are 0 when their denominator is; AER is NaN when A and S are both empty
 * (nothing to measure).
 *
 * @param predicted |A|
 * @param sure |S|
 * @param predictedSure |A∩S|
 * @param predictedPossible |A∩P|
 */
public record WordAlignmentScores(
    long predicted,
    long sure,
    long predictedSure,
    long predictedPossible,
    double precision,
    double recall,
    double aer) {

  /**
   * Scores test links against gold links, sentence by sentence; a test file shorter than the gold
   * (or the other way round) is an error, since the lines would no longer correspond.
   */
  public static WordAlignmentScores of(List<WordLinks> gold, List<WordLinks> test) {
    if (gold.size() != test.size()) {
      throw new IllegalArgumentException(
          "the gold has " + gold.size() + " sentences but the test has " + test.size());
    }
    long a = 0;
    long s = 0;
    long as = 0;
    long ap = 0;
    for (int i = 0; i < gold.size(); i++) {
      WordLinks g = gold.get(i);
      a += test.get(i).possible().size();
      s += g.sure().size();
      for (long l : test.get(i).possible()) {
        if (g.sure().contains(l)) {
          as++;
        }
        if (g.possible().contains(l)) {
          ap++;
        }
      }
    }
    double precision = a == 0 ? 0.0 : ap / (double) a;
    double recall = s == 0 ? 0.0 : as / (double) s;
    double aer = a + s == 0 ? Double.NaN : 1.0 - (as + ap) / (double) (a + s);
    return new WordAlignmentScores(a, s, as, ap, precision, recall, aer);
  }
}
