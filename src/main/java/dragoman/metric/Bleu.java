package dragoman.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BLEU (Papineni et al. 2002) exactly as sacreBLEU 2.x computes it ({@code
 * sacrebleu/metrics/bleu.py}): a sacreBLEU tokenizer (13a by default), optional lowercasing,
 * n-grams up to {@link BleuOptions#maxNgramOrder}, clipped counts against the per-n-gram maximum
 * over the references, the brevity penalty against the reference length closest to each hypothesis
 * (the shorter one on ties), and one of sacreBLEU's smoothing methods ("exp", mteval-v13a's method
 * 3, by default: the k-th order with no match gets precision 1 / (2^k * total)). An empty reference
 * counts, with length 0, as in sacreBLEU 2.6 (its issue #161).
 *
 * <p>Corpus scores use all orders unless {@link BleuOptions#effectiveOrder} is set; sentence scores
 * always use the effective order (orders with no hypothesis n-gram are left out), as {@code
 * sacrebleu --sentence-level} does since 2.0. Scores are on sacreBLEU's 0..100 scale. Instances are
 * stateless and thread-safe.
 */
public final class Bleu {
  /** sacreBLEU's {@code MAX_NGRAM_ORDER}. */
  public static final int MAX_NGRAM_ORDER = BleuOptions.DEFAULT_MAX_NGRAM_ORDER;

  private final BleuOptions options;
  private final Tokenizer tokenizer;
  private final int order;

  /** BLEU with sacreBLEU's defaults. */
  public Bleu() {
    this(BleuOptions.DEFAULTS);
  }

  /**
   * @throws IllegalArgumentException if the tokenizer is unknown or needs an external model
   */
  public Bleu(BleuOptions options) {
    this.options = options;
    this.tokenizer = Tokenizer.forName(options.tokenize());
    this.order = options.maxNgramOrder();
  }

  public BleuOptions options() {
    return options;
  }

  /**
   * The metric's fields of sacreBLEU's signature: {@code case}, {@code eff}, {@code tok}, {@code
   * smooth} (with the value in brackets for floor and add-k, e.g. {@code floor[0.10]}).
   *
   * @param effectiveOrder whether the scores printed use the effective order (sentence BLEU)
   */
  public Map<String, String> signatureFields(boolean effectiveOrder) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("case", options.lowercase() ? "lc" : "mixed");
    f.put("eff", effectiveOrder ? "yes" : "no");
    f.put("tok", tokenizer.signature());
    String smooth = options.smoothMethod().cliName();
    if (options.smoothMethod().defaultValue() != null) {
      smooth += String.format(Locale.ROOT, "[%.2f]", options.effectiveSmoothValue());
    }
    f.put("smooth", smooth);
    return f;
  }

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
      return String.format(java.util.Locale.ROOT, "BLEU = %.2f %s", score, verbose());
    }

    /**
     * sacreBLEU's {@code verbose_score}: the precisions, then brevity penalty, length ratio and
     * lengths, e.g. {@code 67.1/41.2/27.0/18.3 (BP = 1.000 ratio = 1.004 hyp_len = ...)}.
     */
    public String verbose() {
      StringBuilder prec = new StringBuilder();
      for (int i = 0; i < precisions.size(); i++) {
        prec.append(i == 0 ? "" : "/")
            .append(String.format(java.util.Locale.ROOT, "%.1f", precisions.get(i)));
      }
      double ratio = referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
      return String.format(
          java.util.Locale.ROOT,
          "%s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
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
    private final int order;
    // segment -> order - 1 -> reference -> n-gram counts
    private final List<NgramTable[][]> ngrams;
    private final List<int[]> lengths;
    // token -> id over the references' tokens; a hypothesis token outside it can match nothing
    private final Map<String, Integer> vocabulary;

    private References(
        int order,
        List<NgramTable[][]> ngrams,
        List<int[]> lengths,
        Map<String, Integer> vocabulary) {
      this.order = order;
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
    return compute(sum(statistics(List.of(hypothesis), references(streams))), true);
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
    return compute(sum(statistics(hypotheses, references)), options.effectiveOrder());
  }

  /** This BLEU against prepared references, for significance tests. */
  public CorpusMetric against(References references) {
    return new CorpusMetric() {
      @Override
      public String name() {
        return "BLEU";
      }

      @Override
      public double[][] segmentStatistics(List<String> hypotheses) {
        long[][] stats = statistics(hypotheses, references);
        double[][] out = new double[stats.length][];
        for (int i = 0; i < stats.length; i++) {
          out[i] = new double[stats[i].length];
          for (int k = 0; k < stats[i].length; k++) {
            out[i][k] = stats[i][k];
          }
        }
        return out;
      }

      @Override
      public double score(double[] sums) {
        long[] stats = new long[sums.length];
        for (int k = 0; k < sums.length; k++) {
          stats[k] = (long) sums[k];
        }
        return compute(stats, options.effectiveOrder()).score();
      }

      @Override
      public double scoreOfFloat32(float[] sums) {
        return computeFloat32(sums, options.effectiveOrder());
      }

      @Override
      public boolean float32Scores() {
        return false;
      }
    };
  }

  /** Tokenizes and counts the references once; see {@link References}. */
  public References references(List<List<String>> streams) {
    List<List<String>> segments = ReferenceStreams.bySegment(streams);
    Map<String, Integer> vocabulary = new HashMap<>();
    List<NgramTable[][]> ngrams = new ArrayList<>(segments.size());
    List<int[]> lengths = new ArrayList<>(segments.size());
    for (List<String> refs : segments) {
      NgramTable[][] tables = new NgramTable[order][refs.size()];
      int[] lens = new int[refs.size()];
      for (int r = 0; r < refs.size(); r++) {
        List<String> tokens = tokens(refs.get(r));
        lens[r] = tokens.size();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = vocabulary.computeIfAbsent(tokens.get(i), k -> vocabulary.size());
        }
        for (int n = 1; n <= order; n++) {
          tables[n - 1][r] = new NgramTable(ids, n);
        }
      }
      ngrams.add(tables);
      lengths.add(lens);
    }
    return new References(order, ngrams, lengths, Map.copyOf(vocabulary));
  }

  /**
   * Per-segment statistics: [hypLen, refLen, correct_1..n, total_1..n]. Correct counts are clipped
   * by the maximum count of the n-gram in any one reference, as sacreBLEU merges its references.
   */
  private long[][] statistics(List<String> hypotheses, References refs) {
    if (hypotheses.size() != refs.size()) {
      throw new IllegalArgumentException(
          "the hypothesis has "
              + hypotheses.size()
              + " lines but the references have "
              + refs.size());
    }
    if (refs.order != order) {
      throw new IllegalArgumentException("references prepared for another n-gram order");
    }
    long[][] all = new long[hypotheses.size()][];
    for (int i = 0; i < hypotheses.size(); i++) {
      long[] stats = new long[2 + 2 * order];
      List<String> tokens = tokens(hypotheses.get(i));
      int hypLen = tokens.size();
      stats[0] = hypLen;
      stats[1] = closestLength(hypLen, refs.lengths.get(i));
      // Tokens the references lack all become -1: such n-grams match nothing either way, and
      // totals count windows, so the statistics are those of the tokens themselves.
      int[] ids = new int[hypLen];
      for (int k = 0; k < hypLen; k++) {
        ids[k] = refs.vocabulary.getOrDefault(tokens.get(k), -1);
      }
      NgramTable[][] refTables = refs.ngrams.get(i);
      for (int n = 1; n <= order; n++) {
        NgramTable hyp = new NgramTable(ids, n);
        stats[2 + n - 1] = hyp.matchesMax(refTables[n - 1]);
        stats[2 + order + n - 1] = hyp.total();
      }
      all[i] = stats;
    }
    return all;
  }

  private static long[] sum(long[][] rows) {
    long[] out = null;
    for (long[] r : rows) {
      if (out == null) {
        out = r.clone();
      } else {
        for (int k = 0; k < r.length; k++) {
          out[k] += r[k];
        }
      }
    }
    return out;
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

  /**
   * sacreBLEU's {@code compute_bleu} on given statistics (its tests score statistics directly).
   *
   * @param correct clipped matches per order
   * @param total hypothesis n-grams per order
   */
  Score fromStatistics(long[] correct, long[] total, long sysLen, long refLen) {
    long[] stats = new long[2 + 2 * order];
    stats[0] = sysLen;
    stats[1] = refLen;
    System.arraycopy(correct, 0, stats, 2, order);
    System.arraycopy(total, 0, stats, 2 + order, order);
    return compute(stats, options.effectiveOrder());
  }

  /** sacreBLEU's {@code compute_bleu} on summed statistics, in double precision. */
  private Score compute(long[] stats, boolean effectiveOrder) {
    if (stats == null) {
      stats = new long[2 + 2 * order];
    }
    long sysLen = stats[0];
    long refLen = stats[1];
    double[] correct = new double[order];
    double[] total = new double[order];
    long[] rawCorrect = new long[order];
    long[] rawTotal = new long[order];
    for (int n = 0; n < order; n++) {
      rawCorrect[n] = stats[2 + n];
      rawTotal[n] = stats[2 + order + n];
      correct[n] = rawCorrect[n];
      total[n] = rawTotal[n];
    }
    double bp = brevityPenalty(sysLen, refLen);
    double[] precisions = new double[order];
    boolean anyMatch = false;
    for (long c : rawCorrect) {
      anyMatch |= c != 0;
    }
    // sacreBLEU returns 0 outright when nothing matches (its issue #141).
    if (!anyMatch) {
      return score(0.0, rawCorrect, rawTotal, precisions, bp, sysLen, refLen);
    }
    double smoothValue = options.effectiveSmoothValue();
    double smoothMteval = 1.0;
    int effOrder = order;
    for (int n = 1; n <= order; n++) {
      if (options.smoothMethod() == BleuOptions.SmoothMethod.ADD_K && n > 1) {
        correct[n - 1] += smoothValue;
        total[n - 1] += smoothValue;
      }
      if (total[n - 1] == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        if (options.smoothMethod() == BleuOptions.SmoothMethod.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
        } else if (options.smoothMethod() == BleuOptions.SmoothMethod.FLOOR) {
          precisions[n - 1] = 100.0 * smoothValue / total[n - 1];
        }
      } else {
        precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int n = 0; n < effOrder; n++) {
      logSum += floorLog(precisions[n]);
    }
    return score(
        bp * Math.exp(logSum / effOrder), rawCorrect, rawTotal, precisions, bp, sysLen, refLen);
  }

  /**
   * {@code compute_bleu} as sacreBLEU's bootstrap runs it, on float32 statistics: under numpy 2's
   * promotion rules (NEP 50) each precision is a float32 (Python floats combined with a float32
   * stay float32), while logarithms, their mean and the brevity penalty are Python floats.
   */
  private double computeFloat32(float[] stats, boolean effectiveOrder) {
    long sysLen = (long) stats[0];
    long refLen = (long) stats[1];
    float[] correct = new float[order];
    float[] total = new float[order];
    boolean anyMatch = false;
    for (int n = 0; n < order; n++) {
      correct[n] = stats[2 + n];
      total[n] = stats[2 + order + n];
      anyMatch |= correct[n] != 0;
    }
    if (!anyMatch) {
      return 0.0;
    }
    double bp = brevityPenalty(sysLen, refLen);
    float smoothValue = (float) options.effectiveSmoothValue();
    double[] precisions = new double[order];
    double smoothMteval = 1.0;
    int effOrder = order;
    for (int n = 1; n <= order; n++) {
      if (options.smoothMethod() == BleuOptions.SmoothMethod.ADD_K && n > 1) {
        correct[n - 1] += smoothValue;
        total[n - 1] += smoothValue;
      }
      if (total[n - 1] == 0) {
        break;
      }
      if (effectiveOrder) {
        effOrder = n;
      }
      if (correct[n - 1] == 0) {
        if (options.smoothMethod() == BleuOptions.SmoothMethod.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 100.0f / ((float) smoothMteval * total[n - 1]);
        } else if (options.smoothMethod() == BleuOptions.SmoothMethod.FLOOR) {
          precisions[n - 1] = (float) (100.0 * options.effectiveSmoothValue()) / total[n - 1];
        }
      } else {
        precisions[n - 1] = 100.0f * correct[n - 1] / total[n - 1];
      }
    }
    double logSum = 0;
    for (int n = 0; n < effOrder; n++) {
      logSum += floorLog(precisions[n]);
    }
    return bp * Math.exp(logSum / effOrder);
  }

  private static double brevityPenalty(long sysLen, long refLen) {
    if (sysLen < refLen) {
      return sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
    }
    return 1.0;
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
    for (int i = 0; i < correct.length; i++) {
      c.add(correct[i]);
      t.add(total[i]);
      p.add(prec[i]);
    }
    return new Score(s, c, t, p, bp, sys, ref);
  }

  /**
   * sacreBLEU's {@code _preprocess_segment}: lowercase if asked, rstrip, tokenize; then split into
   * tokens.
   */
  private List<String> tokens(String segment) {
    if (options.lowercase()) {
      segment = segment.toLowerCase(Locale.ROOT);
    }
    return PythonWhitespace.split(tokenizer.tokenize(PythonWhitespace.rstrip(segment)));
  }
}
