package dragoman.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU (Papineni et al. 2002) exactly as sacreBLEU 2.x computes it with its defaults ({@code
 * sacrebleu/metrics/bleu.py}): the 13a tokenizer, n-grams up to 4, clipped counts against the
 * per-n-gram maximum over the references, the brevity penalty against the reference length closest
 * to each hypothesis (the shorter one on ties), and "exp" smoothing (mteval-v13a's method 3: the
 * k-th order with no match gets precision 1 / (2^k * total)). An empty reference counts, with
 * length 0, as in sacreBLEU 2.6 (its issue #161).
 *
 * <p>Corpus scores use all four orders; sentence scores use the effective order (orders with no
 * hypothesis n-gram are left out), as {@code sacrebleu --sentence-level} does since 2.0. Scores are
 * on sacreBLEU's 0..100 scale. Instances are stateless and thread-safe.
 */
public final class Bleu {
  /** sacreBLEU's {@code MAX_NGRAM_ORDER}. */
  public static final int MAX_NGRAM_ORDER = 4;

  private static final Tokenizer13a TOKENIZER = new Tokenizer13a();

  /**
   * A BLEU score with its sufficient statistics, as sacreBLEU prints them.
   *
   * @param score BLEU on the 0..100 scale
   * @param correct clipped n-gram matches per order (index 0 = unigrams)
   * @param total hypothesis n-grams per order
   * @param precisions smoothed n-gram precisions (0..100) per order
   * @param brevityPenalty the brevity penalty
   * @param hypothesisLength hypothesis tokens
   * @param referenceLength closest-reference tokens
   */
  public record Score(
      double score,
      List<Long> correct,
      List<Long> total,
      List<Double> precisions,
      double brevityPenalty,
      long hypothesisLength,
      long referenceLength) {
    public Score {
      correct = List.copyOf(correct);
      total = List.copyOf(total);
      precisions = List.copyOf(precisions);
    }

    /** sacreBLEU's verbose line, e.g. {@code BLEU = 34.47 67.1/41.2/27.0/18.3 (BP = ...)}. */
    public String describe() {
      StringBuilder prec = new StringBuilder();
      for (int i = 0; i < precisions.size(); i++) {
        prec.append(i == 0 ? "" : "/")
            .append(String.format(java.util.Locale.ROOT, "%.1f", precisions.get(i)));
      }
      double ratio = referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
      return String.format(
          java.util.Locale.ROOT,
          "BLEU = %.2f %s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
          score,
          prec,
          brevityPenalty,
          ratio,
          hypothesisLength,
          referenceLength);
    }
  }

  /**
   * The n-grams and lengths of a set of reference streams, computed once so that many systems can
   * be scored against them (sacreBLEU's reference cache).
   */
  public static final class References {
    // segment -> order - 1 -> reference -> n-gram counts
    private final List<NgramTable[][]> ngrams;
    private final List<int[]> lengths;
    // token -> id over the references' tokens; a hypothesis token outside it can match nothing
    private final Map<String, Integer> vocabulary;

    private References(
        List<NgramTable[][]> ngrams, List<int[]> lengths, Map<String, Integer> vocabulary) {
      this.ngrams = ngrams;
      this.lengths = lengths;
      this.vocabulary = vocabulary;
    }

    /** Number of segments. */
    public int size() {
      return lengths.size();
    }
  }

  /** Sentence BLEU with effective order, on the 0..100 scale. */
  public double sentenceScore(String hypothesis, List<String> references) {
    return sentence(hypothesis, references).score();
  }

  /** Sentence BLEU with effective order, with its statistics. */
  public Score sentence(String hypothesis, List<String> references) {
    List<List<String>> streams = new ArrayList<>();
    for (String r : references) {
      streams.add(List.of(r));
    }
    return compute(statistics(List.of(hypothesis), references(streams)), true);
  }

  /**
   * Corpus BLEU on the 0..100 scale.
   *
   * @param hypotheses one line per segment
   * @param references one or more reference streams, each line-aligned with the hypotheses
   */
  public double corpusScore(List<String> hypotheses, List<List<String>> references) {
    return corpus(hypotheses, references).score();
  }

  /** Corpus BLEU with its statistics. */
  public Score corpus(List<String> hypotheses, List<List<String>> references) {
    return corpus(hypotheses, references(references));
  }

  /** Corpus BLEU against prepared references. */
  public Score corpus(List<String> hypotheses, References references) {
    return compute(statistics(hypotheses, references), false);
  }

  /** Tokenizes and counts the references once; see {@link References}. */
  public References references(List<List<String>> streams) {
    List<List<String>> segments = ReferenceStreams.bySegment(streams);
    Map<String, Integer> vocabulary = new HashMap<>();
    List<NgramTable[][]> ngrams = new ArrayList<>(segments.size());
    List<int[]> lengths = new ArrayList<>(segments.size());
    for (List<String> refs : segments) {
      NgramTable[][] tables = new NgramTable[MAX_NGRAM_ORDER][refs.size()];
      int[] lens = new int[refs.size()];
      for (int r = 0; r < refs.size(); r++) {
        List<String> tokens = tokens(refs.get(r));
        lens[r] = tokens.size();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = vocabulary.computeIfAbsent(tokens.get(i), k -> vocabulary.size());
        }
        for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
          tables[n - 1][r] = new NgramTable(ids, n);
        }
      }
      ngrams.add(tables);
      lengths.add(lens);
    }
    return new References(ngrams, lengths, Map.copyOf(vocabulary));
  }

  /**
   * Summed statistics: [hypLen, refLen, correct_1..4, total_1..4]. Correct counts are clipped by
   * the maximum count of the n-gram in any one reference, as sacreBLEU merges its references.
   */
  private long[] statistics(List<String> hypotheses, References refs) {
    if (hypotheses.size() != refs.size()) {
      throw new IllegalArgumentException(
          "the hypothesis has "
              + hypotheses.size()
              + " lines but the references have "
              + refs.size());
    }
    long[] stats = new long[2 + 2 * MAX_NGRAM_ORDER];
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> tokens = tokens(hypotheses.get(i));
      int hypLen = tokens.size();
      stats[0] += hypLen;
      stats[1] += closestLength(hypLen, refs.lengths.get(i));
      // Tokens the references lack all become -1: such n-grams match nothing either way, and
      // totals count windows, so the statistics are those of the tokens themselves.
      int[] ids = new int[hypLen];
      for (int k = 0; k < hypLen; k++) {
        ids[k] = refs.vocabulary.getOrDefault(tokens.get(k), -1);
      }
      NgramTable[][] refTables = refs.ngrams.get(i);
      for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
        NgramTable hyp = new NgramTable(ids, n);
        stats[2 + n - 1] += hyp.matchesMax(refTables[n - 1]);
        stats[2 + MAX_NGRAM_ORDER + n - 1] += hyp.total();
      }
    }
    return stats;
  }

  /** sacreBLEU's {@code _get_closest_ref_len}: nearest length, the shorter one on ties. */
  static int closestLength(int hypLen, int[] refLens) {
    int closestDiff = -1;
    int closestLen = -1;
    for (int len : refLens) {
      int diff = Math.abs(hypLen - len);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = len;
      } else if (diff == closestDiff && len < closestLen) {
        closestLen = len;
      }
    }
    return closestLen;
  }

  /** sacreBLEU's {@code compute_bleu} with smooth_method "exp". */
  private static Score compute(long[] stats, boolean effectiveOrder) {
    long sysLen = stats[0];
    long refLen = stats[1];
    long[] correct = new long[MAX_NGRAM_ORDER];
    long[] total = new long[MAX_NGRAM_ORDER];
    System.arraycopy(stats, 2, correct, 0, MAX_NGRAM_ORDER);
    System.arraycopy(stats, 2 + MAX_NGRAM_ORDER, total, 0, MAX_NGRAM_ORDER);

    double bp;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    } else {
      bp = 1.0;
    }
    double[] precisions = new double[MAX_NGRAM_ORDER];
    boolean anyMatch = false;
    for (long c : correct) {
      anyMatch |= c != 0;
    }
    // sacreBLEU returns 0 outright when nothing matches (its issue #141).
    if (!anyMatch) {
      return score(0.0, correct, total, precisions, bp, sysLen, refLen);
    }
    double smoothMteval = 1.0;
    int effOrder = MAX_NGRAM_ORDER;
    for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
      if (total[n - 1] == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        smoothMteval *= 2;
        precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int n = 0; n < effOrder; n++) {
      logSum += floorLog(precisions[n]);
    }
    return score(bp * Math.exp(logSum / effOrder), correct, total, precisions, bp, sysLen, refLen);
  }

  /** sacreBLEU's {@code my_log}: log, with log(0) floored to -9999999999. */
  private static double floorLog(double x) {
    return x == 0.0 ? -9999999999.0 : Math.log(x);
  }

  private static Score score(
      double s, long[] correct, long[] total, double[] prec, double bp, long sys, long ref) {
    List<Long> c = new ArrayList<>();
    List<Long> t = new ArrayList<>();
    List<Double> p = new ArrayList<>();
    for (int i = 0; i < MAX_NGRAM_ORDER; i++) {
      c.add(correct[i]);
      t.add(total[i]);
      p.add(prec[i]);
    }
    return new Score(s, c, t, p, bp, sys, ref);
  }

  /** sacreBLEU's {@code _preprocess_segment}: rstrip, then 13a; then split into tokens. */
  private static List<String> tokens(String segment) {
    return PythonWhitespace.split(TOKENIZER.tokenize(PythonWhitespace.rstrip(segment)));
  }
}
