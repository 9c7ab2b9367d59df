package dragoman.metric;

/**
 * The distinct n-grams of one int sequence (code points, or token ids) with their counts, as an
 * open-addressing table of window offsets: no n-gram is copied into a key, and a window of another
 * sequence is looked up by comparing the ints themselves, so counts are exact. This is what makes
 * scoring dozens of systems take seconds (the Python {@code Counter} of strings it replaces is
 * several times slower in Java).
 */
final class NgramTable {
  private static final int EMPTY = -1;

  private final int[] seq;
  private final int n;
  private final int windows;
  private final int[] offsets;
  private final int[] counts;
  private final int mask;

  /** Counts the n-grams of {@code seq}; the array must not change afterwards. */
  NgramTable(int[] seq, int n) {
    this.seq = seq;
    this.n = n;
    this.windows = Math.max(0, seq.length - n + 1);
    int capacity = Integer.highestOneBit(Math.max(2, windows) * 2 - 1) << 1;
    this.offsets = new int[capacity];
    this.counts = new int[capacity];
    this.mask = capacity - 1;
    java.util.Arrays.fill(offsets, EMPTY);
    for (int i = 0; i < windows; i++) {
      int slot = hash(seq, i) & mask;
      while (offsets[slot] != EMPTY && !same(seq, offsets[slot], seq, i)) {
        slot = (slot + 1) & mask;
      }
      if (offsets[slot] == EMPTY) {
        offsets[slot] = i;
      }
      counts[slot]++;
    }
  }

  /** All n-grams, repeats included (sacreBLEU's {@code sum(counter.values())}). */
  int total() {
    return windows;
  }

  boolean isEmpty() {
    return windows == 0;
  }

  /** How often the n-gram starting at {@code other[at]} occurs here. */
  int count(int[] other, int at) {
    int slot = hash(other, at) & mask;
    while (offsets[slot] != EMPTY) {
      if (same(seq, offsets[slot], other, at)) {
        return counts[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** Σ over distinct n-grams here of min(count here, count in {@code ref}): clipped matches. */
  long matches(NgramTable ref) {
    long m = 0;
    for (int slot = 0; slot < offsets.length; slot++) {
      if (offsets[slot] != EMPTY) {
        m += Math.min(counts[slot], ref.count(seq, offsets[slot]));
      }
    }
    return m;
  }

  /** Σ over distinct n-grams here of min(count here, max over refs of their count). */
  long matchesMax(NgramTable[] refs) {
    long m = 0;
    for (int slot = 0; slot < offsets.length; slot++) {
      if (offsets[slot] != EMPTY) {
        int best = 0;
        for (NgramTable r : refs) {
          best = Math.max(best, r.count(seq, offsets[slot]));
        }
        m += Math.min(counts[slot], best);
      }
    }
    return m;
  }

  private int hash(int[] s, int at) {
    int h = 1;
    for (int k = 0; k < n; k++) {
      h = h * 0x9E3779B1 + s[at + k];
    }
    return h ^ (h >>> 15);
  }

  private boolean same(int[] a, int i, int[] b, int j) {
    for (int k = 0; k < n; k++) {
      if (a[i + k] != b[j + k]) {
        return false;
      }
    }
    return true;
  }
}
