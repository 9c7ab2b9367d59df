package dragoman.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Dynamic programming over bead shapes: the cheapest monotone sequence of beads covering both
 * sentence lists, with the cost of each bead from a {@link BeadScorer}. The search visits only the
 * cells of a {@link Band}; {@link #coarseToFine} builds that band from the path found on a copy of
 * the documents with pairs of sentences merged, recursively, as vecalign does (Thompson and Koehn
 * 2019, "Vecalign: Improved sentence alignment in linear time and space", EMNLP, section 3.2), so
 * time and memory grow linearly with the length of the documents.
 */
public final class BeadSearch {
  private final List<BeadType> types;

  public BeadSearch(List<BeadType> types) {
    this.types = List.copyOf(types);
  }

  public List<BeadType> types() {
    return types;
  }

  /**
   * The DP cells searched: for each row {@code i} in {@code 0..n} (source sentences consumed), the
   * columns {@code lo[i]..hi[i]} (target sentences consumed), inclusive.
   */
  public record Band(int n, int m, int[] lo, int[] hi) {
    public static Band full(int n, int m) {
      int[] lo = new int[n + 1];
      int[] hi = new int[n + 1];
      java.util.Arrays.fill(hi, m);
      return new Band(n, m, lo, hi);
    }

    /**
     * The cells within {@code width} rows and columns of a monotone path given by its corners (the
     * DP cells between beads, from (0, 0) to (n, m)); the rectangle between consecutive corners is
     * inside the band, so a path found at a coarser level, scaled up, always fits.
     */
    public static Band around(List<int[]> corners, int n, int m, int width) {
      int[] lo = new int[n + 1];
      int[] hi = new int[n + 1];
      java.util.Arrays.fill(lo, Integer.MAX_VALUE);
      java.util.Arrays.fill(hi, -1);
      for (int k = 0; k + 1 < corners.size(); k++) {
        int[] p = corners.get(k);
        int[] q = corners.get(k + 1);
        for (int i = p[0]; i <= q[0]; i++) {
          lo[i] = Math.min(lo[i], p[1]);
          hi[i] = Math.max(hi[i], q[1]);
        }
      }
      if (corners.size() == 1) {
        lo[0] = 0;
        hi[0] = 0;
      }
      int[] wideLo = new int[n + 1];
      int[] wideHi = new int[n + 1];
      for (int i = 0; i <= n; i++) {
        int l = Integer.MAX_VALUE;
        int h = -1;
        for (int k = Math.max(0, i - width); k <= Math.min(n, i + width); k++) {
          l = Math.min(l, lo[k]);
          h = Math.max(h, hi[k]);
        }
        wideLo[i] = Math.max(0, l - width);
        wideHi[i] = Math.min(m, h + width);
      }
      return new Band(n, m, wideLo, wideHi);
    }

    public long cells() {
      long c = 0;
      for (int i = 0; i <= n; i++) {
        c += Math.max(0, hi[i] - lo[i] + 1);
      }
      return c;
    }
  }

  /** The cheapest bead sequence inside the band, each bead carrying its own cost. */
  public List<Bead> search(BeadScorer scorer, Band band) {
    return search(scorer, BeadScorer.Bounded.ZERO, band);
  }

  /**
   * The cheapest bead sequence inside the band under {@code cheap + dear}, each bead carrying its
   * own cost. In each cell the candidates are tried in the order of {@code cheap + floor(dear)},
   * and {@code dear} is not called once that bound cannot beat the best candidate found: an exact
   * pruning (the result is the one without it) that spares most of the translation similarity calls
   * off the path, where the length and anchor costs alone rule a candidate out.
   */
  public List<Bead> search(BeadScorer cheap, BeadScorer.Bounded dear, Band band) {
    int n = band.n();
    int m = band.m();
    int[] lo = band.lo();
    int[] hi = band.hi();
    long[] offset = new long[n + 2];
    for (int i = 0; i <= n; i++) {
      offset[i + 1] = offset[i] + Math.max(0, hi[i] - lo[i] + 1);
    }
    if (offset[n + 1] > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "search too large (" + offset[n + 1] + " cells); lower fullSearchCells");
    }
    int cells = (int) offset[n + 1];
    double[] cost = new double[cells];
    byte[] back = new byte[cells];
    int typeCount = types.size();
    int[] ta = new int[typeCount];
    int[] tb = new int[typeCount];
    double[] floor = new double[typeCount];
    for (int t = 0; t < typeCount; t++) {
      ta[t] = types.get(t).source();
      tb[t] = types.get(t).target();
      floor[t] = dear.floor(ta[t], tb[t]);
    }
    double[] bound = new double[typeCount];
    double[] base = new double[typeCount];
    int[] order = new int[typeCount];
    for (int i = 0; i <= n; i++) {
      int rowBase = (int) offset[i] - lo[i];
      for (int j = lo[i]; j <= hi[i]; j++) {
        int here = rowBase + j;
        if (i == 0 && j == 0) {
          cost[here] = 0;
          back[here] = -1;
          continue;
        }
        int candidates = 0;
        for (int t = 0; t < typeCount; t++) {
          int pi = i - ta[t];
          int pj = j - tb[t];
          if (pi < 0 || pj < 0 || pj < lo[pi] || pj > hi[pi]) {
            continue;
          }
          double before = cost[(int) offset[pi] - lo[pi] + pj];
          if (before == Double.POSITIVE_INFINITY) {
            continue;
          }
          double b = before + cheap.cost(pi, ta[t], pj, tb[t]);
          // Insertion sort by bound: at most ten shapes.
          int k = candidates++;
          while (k > 0 && bound[k - 1] > b + floor[t]) {
            bound[k] = bound[k - 1];
            base[k] = base[k - 1];
            order[k] = order[k - 1];
            k--;
          }
          bound[k] = b + floor[t];
          base[k] = b;
          order[k] = t;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestType = -1;
        for (int k = 0; k < candidates && bound[k] < best; k++) {
          int t = order[k];
          double c = base[k] + dear.cost(i - ta[t], ta[t], j - tb[t], tb[t]);
          if (c < best) {
            best = c;
            bestType = t;
          }
        }
        cost[here] = best;
        back[here] = (byte) bestType;
      }
    }
    if (n < 0 || m < lo[n] || m > hi[n]) {
      throw new IllegalStateException("band does not reach the end cell");
    }
    List<Bead> beads = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      int t = back[(int) offset[i] - lo[i] + j];
      if (t < 0) {
        throw new IllegalStateException("no path through the band at (" + i + ", " + j + ")");
      }
      int pi = i - ta[t];
      int pj = j - tb[t];
      double c = cheap.cost(pi, ta[t], pj, tb[t]) + dear.cost(pi, ta[t], pj, tb[t]);
      beads.add(bead(pi, ta[t], pj, tb[t], c));
      i = pi;
      j = pj;
    }
    Collections.reverse(beads);
    return beads;
  }

  /**
   * Searches in full when {@code (n+1)(m+1) <= fullCells}; otherwise aligns a copy with pairs of
   * sentences merged into one (lengths summed) using {@code coarseScorer}, recursively, and
   * searches the band of half-width {@code width} around that path with {@code scorer}.
   *
   * @param coarseScorer builds the scorer for merged sentence lengths (source, target)
   */
  public List<Bead> coarseToFine(
      int[] sourceLengths,
      int[] targetLengths,
      BeadScorer scorer,
      BiFunction<int[], int[], BeadScorer> coarseScorer,
      long fullCells,
      int width) {
    int n = sourceLengths.length;
    int m = targetLengths.length;
    // With one side under 4 sentences the full search is narrow anyway.
    if ((long) (n + 1) * (m + 1) <= fullCells || n < 4 || m < 4) {
      return search(scorer, Band.full(n, m));
    }
    int[] coarseSource = merge(sourceLengths);
    int[] coarseTarget = merge(targetLengths);
    List<Bead> coarse =
        coarseToFine(
            coarseSource,
            coarseTarget,
            coarseScorer.apply(coarseSource, coarseTarget),
            coarseScorer,
            fullCells,
            width);
    List<int[]> corners = new ArrayList<>();
    for (int[] c : corners(coarse)) {
      corners.add(new int[] {Math.min(n, 2 * c[0]), Math.min(m, 2 * c[1])});
    }
    return search(scorer, Band.around(corners, n, m, width));
  }

  /** The DP cells between beads: (0, 0), then the cell after each bead. */
  public static List<int[]> corners(List<Bead> beads) {
    List<int[]> out = new ArrayList<>(beads.size() + 1);
    int i = 0;
    int j = 0;
    out.add(new int[] {0, 0});
    for (Bead b : beads) {
      i += b.source().size();
      j += b.target().size();
      out.add(new int[] {i, j});
    }
    return out;
  }

  private static int[] merge(int[] lengths) {
    int[] out = new int[(lengths.length + 1) / 2];
    for (int k = 0; k < lengths.length; k++) {
      out[k / 2] += lengths[k];
    }
    return out;
  }

  static Bead bead(int i, int a, int j, int b, double cost) {
    List<Integer> s = new ArrayList<>(a);
    for (int k = 0; k < a; k++) {
      s.add(i + k);
    }
    List<Integer> t = new ArrayList<>(b);
    for (int k = 0; k < b; k++) {
      t.add(j + k);
    }
    return new Bead(s, t, cost);
  }
}
