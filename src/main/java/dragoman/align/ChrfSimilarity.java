package dragoman.align;

import dragoman.metric.PythonWhitespace;
import java.util.Arrays;

/**
 * Sentence chrF (Popović 2015, as sacreBLEU computes it: character n-grams of orders 1 to 6 over
 * the text without whitespace, precision and recall averaged over the orders both sides have) on
 * [0, 1], as the translation similarity. Character n-grams ignore whitespace, so tokenised text
 * (such as Text+Berg's) compares fairly with an untokenised translation. beta = 1 rather than
 * chrF2's 2: alignment has no preferred direction, so precision and recall weigh the same.
 *
 * <p>Built for the aligner's inner loop, which compares each span with dozens of candidates: a
 * {@link Profile} holds each distinct n-gram as a 64-bit hash (the order in its top bits) in one
 * sorted array with its count, so a comparison is one merge of two arrays. The score equals {@link
 * dragoman.metric.Chrf}'s unless two distinct n-grams of the two texts share a 61-bit hash.
 */
public final class ChrfSimilarity
    implements TranslationSimilarityCost.Similarity<ChrfSimilarity.Profile> {
  /** Character n-gram orders 1..ORDER, sacreBLEU's default. */
  public static final int ORDER = 6;

  private static final long HASH_MASK = (1L << 61) - 1;

  /**
   * The n-grams of one text.
   *
   * @param keys distinct n-grams, {@code order - 1} in the top 3 bits and a hash below, ascending
   * @param counts occurrences of each key
   * @param totals n-grams of each order, repeats included (index order - 1)
   */
  public record Profile(long[] keys, int[] counts, int[] totals) {}

  @Override
  public Profile prepare(String text) {
    int[] cps = PythonWhitespace.codePointsWithoutSpace(text);
    int len = cps.length;
    int[] totals = new int[ORDER];
    int all = 0;
    for (int n = 1; n <= ORDER; n++) {
      totals[n - 1] = Math.max(0, len - n + 1);
      all += totals[n - 1];
    }
    long[] grams = new long[all];
    int g = 0;
    for (int p = 0; p < len; p++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int n = 1; n <= ORDER && p + n <= len; n++) {
        h = (h ^ cps[p + n - 1]) * 0x100000001B3L;
        grams[g++] = ((long) (n - 1) << 61) | (mix(h) & HASH_MASK);
      }
    }
    Arrays.sort(grams);
    int distinct = 0;
    for (int k = 0; k < all; k++) {
      if (k == 0 || grams[k] != grams[k - 1]) {
        distinct++;
      }
    }
    long[] keys = new long[distinct];
    int[] counts = new int[distinct];
    int d = -1;
    for (int k = 0; k < all; k++) {
      if (k == 0 || grams[k] != grams[k - 1]) {
        keys[++d] = grams[k];
      }
      counts[d]++;
    }
    return new Profile(keys, counts, totals);
  }

  @Override
  public double score(Profile hypothesis, Profile reference) {
    long[] matches = new long[ORDER];
    long[] a = hypothesis.keys;
    long[] b = reference.keys;
    int[] ca = hypothesis.counts;
    int[] cb = reference.counts;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      if (x < y) {
        i++;
      } else if (y < x) {
        j++;
      } else {
        matches[(int) (x >>> 61)] += Math.min(ca[i], cb[j]);
        i++;
        j++;
      }
    }
    double precision = 0;
    double recall = 0;
    int effective = 0;
    for (int o = 0; o < ORDER; o++) {
      int nRef = reference.totals[o];
      // sacreBLEU counts no hypothesis n-grams of an order the reference lacks.
      int nHyp = nRef == 0 ? 0 : hypothesis.totals[o];
      if (nHyp > 0 && nRef > 0) {
        precision += (double) matches[o] / nHyp;
        recall += (double) matches[o] / nRef;
        effective++;
      }
    }
    if (effective == 0 || precision + recall == 0) {
      return 0;
    }
    precision /= effective;
    recall /= effective;
    return 2 * precision * recall / (precision + recall);
  }

  /** splitmix64's finaliser: spreads the FNV-style state over all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
