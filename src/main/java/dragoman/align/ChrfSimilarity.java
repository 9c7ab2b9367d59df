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
   * @param codePoints the text without whitespace, for {@link #join}
   */
  public record Profile(long[] keys, int[] counts, int[] totals, int[] codePoints) {}

  @Override
  public Profile prepare(String text) {
    int[] cps = PythonWhitespace.codePointsWithoutSpace(text);
    int len = cps.length;
    long[] grams = new long[totals(len, new int[ORDER])];
    int g = 0;
    for (int p = 0; p < len; p++) {
      g = grams(cps, p, 1, grams, g);
    }
    Arrays.sort(grams);
    return counted(grams, grams.length, cps);
  }

  /**
   * The profile of the sentences joined, from theirs: their n-grams merged (each is sorted) with
   * the n-grams that cross a junction, so a span costs a merge rather than a sort. Equal to {@code
   * prepare(String.join(" ", sentences))}.
   */
  @Override
  public Profile join(java.util.List<String> sentences, java.util.List<Profile> parts) {
    int len = 0;
    for (Profile p : parts) {
      len += p.codePoints.length;
    }
    int[] cps = new int[len];
    int at = 0;
    long[] crossing = new long[parts.size() * ORDER * ORDER];
    int c = 0;
    for (int k = 0; k < parts.size(); k++) {
      int[] part = parts.get(k).codePoints;
      System.arraycopy(part, 0, cps, at, part.length);
      at += part.length;
    }
    // n-grams starting before a junction and ending after it, each counted at the first junction
    // it crosses (it starts at or after the one before).
    int previous = 0;
    at = 0;
    for (int k = 0; k + 1 < parts.size(); k++) {
      at += parts.get(k).codePoints.length;
      for (int p = Math.max(previous, at - ORDER + 1); p < at; p++) {
        c = grams(cps, p, at - p + 1, crossing, c);
      }
      previous = at;
    }
    Arrays.sort(crossing, 0, c);
    Profile acc = counted(crossing, c, new int[0]);
    for (Profile p : parts) {
      acc = merge(acc, p);
    }
    int[] totals = new int[ORDER];
    totals(len, totals);
    return new Profile(acc.keys, acc.counts, totals, cps);
  }

  /** Fills totals for a text of {@code len} code points; returns their sum. */
  private static int totals(int len, int[] totals) {
    int all = 0;
    for (int n = 1; n <= ORDER; n++) {
      totals[n - 1] = Math.max(0, len - n + 1);
      all += totals[n - 1];
    }
    return all;
  }

  /** Writes the keys of the n-grams at {@code p} of orders minOrder..ORDER that fit; returns g. */
  private static int grams(int[] cps, int p, int minOrder, long[] into, int g) {
    long h = 0x9E3779B97F4A7C15L;
    for (int n = 1; n <= ORDER && p + n <= cps.length; n++) {
      h = (h ^ cps[p + n - 1]) * 0x100000001B3L;
      if (n >= minOrder) {
        into[g++] = ((long) (n - 1) << 61) | (mix(h) & HASH_MASK);
      }
    }
    return g;
  }

  /** Run-length counts of the first {@code n} sorted keys. */
  private static Profile counted(long[] sorted, int n, int[] cps) {
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        distinct++;
      }
    }
    long[] keys = new long[distinct];
    int[] counts = new int[distinct];
    int d = -1;
    for (int k = 0; k < n; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        keys[++d] = sorted[k];
      }
      counts[d]++;
    }
    int[] totals = new int[ORDER];
    totals(cps.length, totals);
    return new Profile(keys, counts, totals, cps);
  }

  /** The union of two profiles' keys with counts added (totals and code points not kept). */
  private static Profile merge(Profile x, Profile y) {
    long[] a = x.keys;
    long[] b = y.keys;
    long[] keys = new long[a.length + b.length];
    int[] counts = new int[keys.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        keys[n] = a[i];
        counts[n++] = x.counts[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        keys[n] = b[j];
        counts[n++] = y.counts[j++];
      } else {
        keys[n] = a[i];
        counts[n++] = x.counts[i++] + y.counts[j++];
      }
    }
    return new Profile(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n), null, null);
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
