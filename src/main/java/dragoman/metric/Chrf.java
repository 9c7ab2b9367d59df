package dragoman.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacreBLEU 2.x computes them with its
 * defaults ({@code sacrebleu/metrics/chrf.py}): character n-grams of order 1..{@code charOrder}
 * over the text with all whitespace removed, word n-grams of order 1..{@code wordOrder} after
 * splitting one ASCII punctuation mark off the end (or else the start) of each word, precision and
 * recall averaged over the orders that have both hypothesis and reference n-grams ("effective
 * order", sacreBLEU's default rather than eps smoothing), then F-beta. With several references each
 * line uses the reference with the best sentence chrF (the first on ties); corpus chrF sums the
 * per-line statistics. An empty reference counts (it scores 0), as in sacreBLEU 2.6.
 *
 * <p>Scores are on sacreBLEU's 0..100 scale. Instances are immutable and thread-safe.
 */
public final class Chrf {
  /** sacreBLEU's defaults: chrF2. */
  public static final int DEFAULT_CHAR_ORDER = ChrfOptions.DEFAULT_CHAR_ORDER;

  public static final int DEFAULT_WORD_ORDER = ChrfOptions.DEFAULT_WORD_ORDER;
  public static final double DEFAULT_BETA = ChrfOptions.DEFAULT_BETA;

  /** Python's {@code string.punctuation}, which sacreBLEU's chrF++ splits off words. */
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final int charOrder;
  private final int wordOrder;
  private final double beta;
  private final boolean lowercase;
  private final boolean whitespace;
  private final boolean epsSmoothing;
  // word -> id for profiles (chrF++ word n-grams); guarded by itself
  private final Map<String, Integer> profileVocabulary = new HashMap<>();

  /** chrF2: character order 6, word order 0, beta 2. */
  public Chrf() {
    this(DEFAULT_CHAR_ORDER, DEFAULT_WORD_ORDER, DEFAULT_BETA);
  }

  /** Word order 2 gives chrF++. */
  public Chrf(int charOrder, int wordOrder, double beta) {
    if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
      throw new IllegalArgumentException("chrF needs a positive character or word order");
    }
    this.charOrder = charOrder;
    this.wordOrder = wordOrder;
    this.beta = beta;
    this.lowercase = false;
    this.whitespace = false;
    this.epsSmoothing = false;
  }

  /** chrF with all of sacreBLEU's options. */
  public Chrf(ChrfOptions options) {
    this.charOrder = options.charOrder();
    this.wordOrder = options.wordOrder();
    this.beta = options.beta();
    this.lowercase = options.lowercase();
    this.whitespace = options.whitespace();
    this.epsSmoothing = options.epsSmoothing();
  }

  /**
   * The metric's fields of sacreBLEU's signature: {@code case}, {@code eff} ({@code yes} unless eps
   * smoothing), {@code nc}, {@code nw}, {@code space}.
   */
  public Map<String, String> signatureFields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("case", lowercase ? "lc" : "mixed");
    f.put("eff", epsSmoothing ? "no" : "yes");
    f.put("nc", Integer.toString(charOrder));
    f.put("nw", Integer.toString(wordOrder));
    f.put("space", whitespace ? "yes" : "no");
    return f;
  }

  /** This chrF against prepared references, for significance tests. */
  public CorpusMetric against(References references) {
    return new CorpusMetric() {
      @Override
      public String name() {
        return Chrf.this.name();
      }

      @Override
      public double[][] segmentStatistics(List<String> hypotheses) {
        requireSameSize(hypotheses, references);
        double[][] out = new double[hypotheses.size()][];
        for (int i = 0; i < hypotheses.size(); i++) {
          long[] best =
              bestStatistics(
                  ngrams(hypotheses.get(i), references.vocabulary, false),
                  references.ngrams.get(i));
          out[i] = new double[best.length];
          for (int k = 0; k < best.length; k++) {
            out[i][k] = best[k];
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
        return fScore(stats);
      }

      @Override
      public double scoreOfFloat32(float[] sums) {
        return fScoreFloat32(sums);
      }

      @Override
      public boolean float32Scores() {
        return true;
      }
    };
  }

  /** sacreBLEU's name for this variant: chrF2, chrF2++ for word order 2, chrF1 for beta 1. */
  public String name() {
    String b = beta == Math.rint(beta) ? Long.toString((long) beta) : Double.toString(beta);
    return "chrF" + b + "+".repeat(wordOrder);
  }

  /**
   * The n-grams of a set of reference streams, computed once so that many systems can be scored
   * against them (sacreBLEU's reference cache).
   */
  public static final class References {
    // segment -> reference -> order (characters 1..c, then words 1..w) -> n-gram counts
    private final List<List<NgramTable[]>> ngrams;
    // word -> id, over the references' words; a hypothesis word not in it can match nothing
    private final Map<String, Integer> vocabulary;

    private References(List<List<NgramTable[]>> ngrams, Map<String, Integer> vocabulary) {
      this.ngrams = ngrams;
      this.vocabulary = vocabulary;
    }

    /** Number of segments. */
    public int size() {
      return ngrams.size();
    }
  }

  /** Sentence chrF on the 0..100 scale. */
  public double sentenceScore(String hypothesis, List<String> references) {
    List<List<String>> streams = new ArrayList<>();
    for (String r : references) {
      streams.add(List.of(r));
    }
    return corpusScore(List.of(hypothesis), references(streams));
  }

  /**
   * Corpus chrF on the 0..100 scale.
   *
   * @param hypotheses one line per segment
   * @param references one or more reference streams, each line-aligned with the hypotheses
   */
  public double corpusScore(List<String> hypotheses, List<List<String>> references) {
    return corpusScore(hypotheses, references(references));
  }

  /** Corpus chrF against prepared references. */
  public double corpusScore(List<String> hypotheses, References references) {
    requireSameSize(hypotheses, references);
    long[] sum = new long[3 * (charOrder + wordOrder)];
    for (int i = 0; i < hypotheses.size(); i++) {
      long[] best =
          bestStatistics(
              ngrams(hypotheses.get(i), references.vocabulary, false), references.ngrams.get(i));
      for (int k = 0; k < sum.length; k++) {
        sum[k] += best[k];
      }
    }
    return fScore(sum);
  }

  /**
   * The n-grams of one text, extracted once so that it can be scored against many others (the
   * sentence aligner compares each span of sentences with dozens of candidates). Word ids come from
   * a vocabulary shared by all profiles of this Chrf, so any two profiles compare exactly.
   */
  public static final class Profile {
    private final NgramTable[] ngrams;

    private Profile(NgramTable[] ngrams) {
      this.ngrams = ngrams;
    }
  }

  private static void requireSameSize(List<String> hypotheses, References references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(
          "the hypothesis has "
              + hypotheses.size()
              + " lines but the references have "
              + references.size());
    }
  }

  /** Extracts the n-grams of a text for {@link #sentenceScore(Profile, Profile)}. */
  public Profile profile(String text) {
    synchronized (profileVocabulary) {
      return new Profile(ngrams(text, profileVocabulary, true));
    }
  }

  /**
   * Sentence chrF (0..100) of a hypothesis against one reference, both prepared by {@link
   * #profile}; equal to {@code sentenceScore(hypothesis, List.of(reference))} on their texts.
   */
  public double sentenceScore(Profile hypothesis, Profile reference) {
    return fScore(bestStatistics(hypothesis.ngrams, List.<NgramTable[]>of(reference.ngrams)));
  }

  /** Per-line chrF of each hypothesis line (sacreBLEU's --sentence-level). */
  public List<Double> sentenceScores(List<String> hypotheses, References references) {
    List<Double> out = new ArrayList<>(hypotheses.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      out.add(
          fScore(
              bestStatistics(
                  ngrams(hypotheses.get(i), references.vocabulary, false),
                  references.ngrams.get(i))));
    }
    return out;
  }

  /** Extracts the reference n-grams once; see {@link References}. */
  public References references(List<List<String>> streams) {
    Map<String, Integer> vocabulary = new HashMap<>();
    List<List<NgramTable[]>> all = new ArrayList<>();
    for (List<String> refs : ReferenceStreams.bySegment(streams)) {
      List<NgramTable[]> perRef = new ArrayList<>(refs.size());
      for (String r : refs) {
        perRef.add(ngrams(r, vocabulary, true));
      }
      all.add(perRef);
    }
    return new References(all, Map.copyOf(vocabulary));
  }

  /** sacreBLEU's {@code _compute_segment_statistics}: the reference with the best F wins. */
  private long[] bestStatistics(NgramTable[] hyp, List<NgramTable[]> refs) {
    long[] best = null;
    double bestF = -1.0;
    for (NgramTable[] ref : refs) {
      long[] stats = new long[3 * hyp.length];
      for (int o = 0; o < hyp.length; o++) {
        // sacreBLEU's _get_match_statistics: [hyp count, ref count, matches]; hypothesis
        // n-grams of an order the reference lacks are not counted.
        stats[3 * o] = ref[o].isEmpty() ? 0 : hyp[o].total();
        stats[3 * o + 1] = ref[o].total();
        stats[3 * o + 2] = hyp[o].matches(ref[o]);
      }
      double f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  }

  /**
   * sacreBLEU's {@code _compute_f_score}: with eps smoothing the mean over all orders of each
   * order's F (a missing count counts as 1e-16), otherwise F of the precision and recall averaged
   * over the orders where both hypothesis and reference have n-grams.
   */
  private double fScore(long[] stats) {
    double eps = 1e-16;
    double factor = beta * beta;
    double score = 0.0;
    double avgPrec = 0.0;
    double avgRec = 0.0;
    int effectiveOrder = 0;
    int orders = charOrder + wordOrder;
    for (int i = 0; i < orders; i++) {
      long nHyp = stats[3 * i];
      long nRef = stats[3 * i + 1];
      long nMatch = stats[3 * i + 2];
      double prec = nHyp > 0 ? (double) nMatch / nHyp : eps;
      double rec = nRef > 0 ? (double) nMatch / nRef : eps;
      double denom = factor * prec + rec;
      score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
      if (nHyp > 0 && nRef > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (epsSmoothing) {
      return 100 * score / orders;
    }
    if (effectiveOrder == 0) {
      avgPrec = 0.0;
      avgRec = 0.0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec != 0) {
      double f = (1 + factor) * avgPrec * avgRec;
      f /= (factor * avgPrec) + avgRec;
      return 100 * f;
    }
    return 0.0;
  }

  /** {@link #fScore} on float32 statistics, each step rounded to float32 as numpy 2 does. */
  private double fScoreFloat32(float[] stats) {
    float eps = 1e-16f;
    float factor = (float) (beta * beta);
    float score = 0.0f;
    float avgPrec = 0.0f;
    float avgRec = 0.0f;
    int effectiveOrder = 0;
    int orders = charOrder + wordOrder;
    for (int i = 0; i < orders; i++) {
      float nHyp = stats[3 * i];
      float nRef = stats[3 * i + 1];
      float nMatch = stats[3 * i + 2];
      float prec = nHyp > 0 ? nMatch / nHyp : eps;
      float rec = nRef > 0 ? nMatch / nRef : eps;
      float denom = factor * prec + rec;
      score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
      if (nHyp > 0 && nRef > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (epsSmoothing) {
      return 100 * score / orders;
    }
    if (effectiveOrder == 0) {
      return 0.0;
    }
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
    if (avgPrec + avgRec != 0) {
      float f = (1 + factor) * avgPrec * avgRec;
      f /= (factor * avgPrec) + avgRec;
      return 100 * f;
    }
    return 0.0;
  }

  /**
   * Character n-gram counts for orders 1..charOrder over the code points without whitespace, then
   * word n-grams for 1..wordOrder over word ids. References add their words to the vocabulary; a
   * hypothesis word outside it gets id -1, which no reference n-gram contains, so it changes no
   * count that sacreBLEU uses (totals and clipped matches).
   */
  private NgramTable[] ngrams(String segment, Map<String, Integer> vocabulary, boolean grow) {
    if (lowercase) {
      segment = segment.toLowerCase(Locale.ROOT);
    }
    NgramTable[] out = new NgramTable[charOrder + wordOrder];
    int[] cps =
        whitespace
            ? segment.codePoints().toArray()
            : PythonWhitespace.codePointsWithoutSpace(segment);
    for (int n = 1; n <= charOrder; n++) {
      out[n - 1] = new NgramTable(cps, n);
    }
    if (wordOrder > 0) {
      List<String> words = splitPunctuation(segment);
      int[] ids = new int[words.size()];
      for (int i = 0; i < ids.length; i++) {
        String w = words.get(i);
        ids[i] =
            grow
                ? vocabulary.computeIfAbsent(w, k -> vocabulary.size())
                : vocabulary.getOrDefault(w, -1);
      }
      for (int n = 1; n <= wordOrder; n++) {
        out[charOrder + n - 1] = new NgramTable(ids, n);
      }
    }
    return out;
  }

  /**
   * sacreBLEU's {@code _remove_punctuation} (after Popović's chrF++.py): a word longer than one
   * character loses one trailing punctuation mark, or else one leading one, as a separate token. So
   * "(hi)" becomes "(hi" and ")", as upstream (sacreBLEU issue #124).
   */
  static List<String> splitPunctuation(String segment) {
    List<String> out = new ArrayList<>();
    for (String w : PythonWhitespace.split(segment)) {
      if (w.codePointCount(0, w.length()) == 1) {
        out.add(w);
      } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
        out.add(w.substring(0, w.length() - 1));
        out.add(w.substring(w.length() - 1));
      } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
        out.add(w.substring(0, 1));
        out.add(w.substring(1));
      } else {
        out.add(w);
      }
    }
    return out;
  }
}
