package dragoman.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translation edit rate (Snover et al. 2006) exactly as sacreBLEU 2.x computes it ({@code
 * sacrebleu/metrics/ter.py} and {@code lib_ter.py}, a reimplementation of Tercom): greedy block
 * shifts (at most 10 words, moved at most 50 positions) while one lowers the edit distance, ranked
 * as Tercom ranks them, then a Levenshtein distance computed within a beam of 25 around the
 * length-scaled diagonal. Each line takes the reference with the fewest edits, divided by the mean
 * reference length; corpus TER is total edits over summed mean lengths, times 100.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Ter {
  private static final int MAX_SHIFT_SIZE = 10;
  private static final int MAX_SHIFT_DIST = 50;
  private static final int BEAM_WIDTH = 25;
  private static final int MAX_SHIFT_CANDIDATES = 1000;
  private static final long INFINITY = 10_000_000_000_000_000L;

  private static final byte OP_NOP = ' ';
  private static final byte OP_SUB = 's';
  private static final byte OP_INS = 'i';
  private static final byte OP_DEL = 'd';
  private static final byte OP_UNDEF = 'x';

  private final TerOptions options;
  private final TercomTokenizer tokenizer;

  /** TER with Tercom's defaults. */
  public Ter() {
    this(TerOptions.DEFAULTS);
  }

  public Ter(TerOptions options) {
    this.options = options;
    this.tokenizer = new TercomTokenizer(options);
  }

  /**
   * A TER score with its statistics.
   *
   * @param score TER on the 0..100 scale
   * @param edits total edits (shifts included)
   * @param referenceLength summed mean reference length
   */
  public record Score(double score, double edits, double referenceLength) {}

  /** Tokenized references, line by line. */
  public static final class References {
    // segment -> reference -> word ids
    private final List<int[][]> words;
    private final Map<String, Integer> vocabulary;

    private References(List<int[][]> words, Map<String, Integer> vocabulary) {
      this.words = words;
      this.vocabulary = vocabulary;
    }

    /** Number of segments. */
    public int size() {
      return words.size();
    }
  }

  /**
   * The metric's fields of sacreBLEU's signature: {@code case}, {@code tok}, {@code norm}, {@code
   * punct}, {@code asian}.
   */
  public Map<String, String> signatureFields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("case", options.caseSensitive() ? "mixed" : "lc");
    f.put("tok", tokenizer.signature());
    f.put("norm", options.normalized() ? "yes" : "no");
    f.put("punct", options.noPunct() ? "no" : "yes");
    f.put("asian", options.asianSupport() ? "yes" : "no");
    return f;
  }

  /** Tokenizes the references once. */
  public References references(List<List<String>> streams) {
    Map<String, Integer> vocabulary = new java.util.HashMap<>();
    List<int[][]> all = new ArrayList<>();
    for (List<String> refs : ReferenceStreams.bySegment(streams)) {
      int[][] perRef = new int[refs.size()][];
      for (int r = 0; r < refs.size(); r++) {
        perRef[r] = ids(refs.get(r), vocabulary, true);
      }
      all.add(perRef);
    }
    return new References(all, vocabulary);
  }

  /** Sentence TER (0..100) against one or more references. */
  public double sentenceScore(String hypothesis, List<String> references) {
    List<List<String>> streams = new ArrayList<>();
    for (String r : references) {
      streams.add(List.of(r));
    }
    return corpus(List.of(hypothesis), references(streams)).score();
  }

  /** Corpus TER against reference streams, each line-aligned with the hypotheses. */
  public Score corpus(List<String> hypotheses, List<List<String>> references) {
    return corpus(hypotheses, references(references));
  }

  /** Corpus TER against prepared references. */
  public Score corpus(List<String> hypotheses, References references) {
    double[] sums = new double[2];
    for (double[] row : statistics(hypotheses, references)) {
      sums[0] += row[0];
      sums[1] += row[1];
    }
    return new Score(score(sums[0], sums[1]), sums[0], sums[1]);
  }

  /** Per-line TER (0..100) of each hypothesis line. */
  public List<Double> sentenceScores(List<String> hypotheses, References references) {
    List<Double> out = new ArrayList<>();
    for (double[] row : statistics(hypotheses, references)) {
      out.add(score(row[0], row[1]));
    }
    return out;
  }

  /** This TER against prepared references, for significance tests. */
  public CorpusMetric against(References references) {
    return new CorpusMetric() {
      @Override
      public String name() {
        return "TER";
      }

      @Override
      public double[][] segmentStatistics(List<String> hypotheses) {
        return statistics(hypotheses, references);
      }

      @Override
      public double score(double[] sums) {
        return Ter.score(sums[0], sums[1]);
      }

      @Override
      public double scoreOfFloat32(float[] sums) {
        if (sums[1] > 0) {
          return 100 * (sums[0] / sums[1]);
        }
        return sums[0] > 0 ? 100.0 : 0.0;
      }

      @Override
      public boolean float32Scores() {
        return true;
      }
    };
  }

  /** sacreBLEU's {@code _compute_score_from_stats}. */
  private static double score(double edits, double refLength) {
    double s;
    if (refLength > 0) {
      s = edits / refLength;
    } else if (edits > 0) {
      s = 1.0; // empty references, non-empty hypothesis
    } else {
      s = 0.0;
    }
    return 100 * s;
  }

  /** [best edits, mean reference length] per line. */
  private double[][] statistics(List<String> hypotheses, References refs) {
    if (hypotheses.size() != refs.size()) {
      throw new IllegalArgumentException(
          "the hypothesis has "
              + hypotheses.size()
              + " lines but the references have "
              + refs.size());
    }
    double[][] out = new double[hypotheses.size()][];
    for (int i = 0; i < hypotheses.size(); i++) {
      int[] hyp = ids(hypotheses.get(i), refs.vocabulary, false);
      long best = (long) 1e16;
      long refLengths = 0;
      int[][] perRef = refs.words.get(i);
      for (int[] ref : perRef) {
        long edits = editsAndLength(hyp, ref);
        refLengths += ref.length;
        best = Math.min(best, edits);
      }
      out[i] = new double[] {best, (double) refLengths / perRef.length};
    }
    return out;
  }

  /**
   * Word ids; a hypothesis word absent from the references gets a fresh negative id, distinct for
   * distinct words, so that equality of ids is equality of words.
   */
  private int[] ids(String segment, Map<String, Integer> vocabulary, boolean grow) {
    List<String> words =
        PythonWhitespace.split(tokenizer.tokenize(PythonWhitespace.rstrip(segment)));
    int[] ids = new int[words.size()];
    Map<String, Integer> unknown = grow ? null : new java.util.HashMap<>();
    for (int k = 0; k < ids.length; k++) {
      String w = words.get(k);
      if (grow) {
        ids[k] = vocabulary.computeIfAbsent(w, x -> vocabulary.size());
      } else {
        Integer id = vocabulary.get(w);
        ids[k] = id != null ? id : unknown.computeIfAbsent(w, x -> -1 - unknown.size());
      }
    }
    return ids;
  }

  /**
   * sacreBLEU's {@code translation_edit_rate}: the edits of one hypothesis against one reference.
   */
  static long editsAndLength(int[] hyp, int[] ref) {
    if (ref.length == 0) {
      return hyp.length;
    }
    BeamEditDistance ed = new BeamEditDistance(ref);
    int shifts = 0;
    int[] input = hyp;
    int[] checked = {0};
    while (true) {
      Shift s = shift(input, ref, ed, checked);
      if (checked[0] >= MAX_SHIFT_CANDIDATES) {
        break;
      }
      if (s.delta <= 0) {
        break;
      }
      shifts++;
      input = s.words;
    }
    return shifts + ed.distance(input).cost;
  }

  private record Shift(long delta, int[] words) {}

  /** sacreBLEU's {@code _shift}: the best block shift, ranked as Tercom ranks them. */
  private static Shift shift(int[] wordsH, int[] wordsR, BeamEditDistance ed, int[] checked) {
    Result pre = ed.distance(wordsH);
    // The trace rewrites the hypothesis into the reference; flipped, it rewrites the reference
    // into the hypothesis, which is what the alignment is read from.
    int posHyp = -1;
    int posRef = -1;
    int[] align = new int[wordsR.length];
    boolean[] aligned = new boolean[wordsR.length];
    int[] hypErr = new int[wordsH.length];
    int[] refErr = new int[wordsR.length];
    for (byte op : pre.trace) {
      byte flipped = op == OP_INS ? OP_DEL : op == OP_DEL ? OP_INS : op;
      switch (flipped) {
        case OP_NOP, OP_SUB -> {
          posHyp++;
          posRef++;
          align[posRef] = posHyp;
          aligned[posRef] = true;
          int err = flipped == OP_SUB ? 1 : 0;
          hypErr[posHyp] = err;
          refErr[posRef] = err;
        }
        case OP_INS -> {
          posHyp++;
          hypErr[posHyp] = 1;
        }
        case OP_DEL -> {
          posRef++;
          align[posRef] = posHyp;
          aligned[posRef] = true;
          refErr[posRef] = 1;
        }
        default -> throw new IllegalStateException("unknown edit operation " + (char) flipped);
      }
    }

    long bestScore = 0;
    int bestLength = 0;
    int bestStart = 0;
    int bestIdx = 0;
    int[] bestWords = null;
    outer:
    for (int startH = 0; startH < wordsH.length; startH++) {
      for (int startR = 0; startR < wordsR.length; startR++) {
        if (Math.abs(startR - startH) > MAX_SHIFT_DIST) {
          continue;
        }
        int length = 0;
        while (wordsH[startH + length] == wordsR[startR + length] && length < MAX_SHIFT_SIZE) {
          length++;
          // a candidate (startH, startR, length)
          if (sum(hypErr, startH, length) != 0
              && sum(refErr, startR, length) != 0
              && !(startH <= align[startR] && align[startR] < startH + length)) {
            int prevIdx = -1;
            for (int offset = -1; offset < length; offset++) {
              int idx;
              if (startR + offset == -1) {
                idx = 0;
              } else if (startR + offset < wordsR.length && aligned[startR + offset]) {
                // unlike Tercom, which inserts after the index, sacreBLEU inserts before it
                idx = align[startR + offset] + 1;
              } else {
                break;
              }
              if (idx == prevIdx) {
                continue;
              }
              prevIdx = idx;
              int[] shifted = performShift(wordsH, startH, length, idx);
              long score = pre.cost - ed.distance(shifted).cost;
              checked[0]++;
              // highest gain, then longest, then earliest start, then earliest target
              boolean better =
                  bestWords == null
                      || score > bestScore
                      || (score == bestScore
                          && (length > bestLength
                              || (length == bestLength
                                  && (startH < bestStart
                                      || (startH == bestStart && idx < bestIdx)))));
              if (better) {
                bestScore = score;
                bestLength = length;
                bestStart = startH;
                bestIdx = idx;
                bestWords = shifted;
              }
            }
            // upstream checks the budget after each candidate block it has tried
            if (checked[0] >= MAX_SHIFT_CANDIDATES) {
              break outer;
            }
          }
          if (wordsH.length == startH + length || wordsR.length == startR + length) {
            break;
          }
        }
      }
    }
    return bestWords == null ? new Shift(0, wordsH) : new Shift(bestScore, bestWords);
  }

  private static int sum(int[] xs, int from, int length) {
    int s = 0;
    for (int k = from; k < Math.min(xs.length, from + length); k++) {
      s += xs[k];
    }
    return s;
  }

  /** sacreBLEU's {@code _perform_shift}, with Python's slice semantics. */
  static int[] performShift(int[] words, int start, int length, int target) {
    int[] out = new int[words.length];
    int[] pos = {0};
    if (target < start) {
      copy(words, 0, target, out, pos);
      copy(words, start, start + length, out, pos);
      copy(words, target, start, out, pos);
      copy(words, start + length, words.length, out, pos);
    } else if (target > start + length) {
      copy(words, 0, start, out, pos);
      copy(words, start + length, target, out, pos);
      copy(words, start, start + length, out, pos);
      copy(words, target, words.length, out, pos);
    } else {
      copy(words, 0, start, out, pos);
      copy(words, start + length, length + target, out, pos);
      copy(words, start, start + length, out, pos);
      copy(words, length + target, words.length, out, pos);
    }
    if (pos[0] != words.length) {
      throw new IllegalStateException("a shift changed the hypothesis length");
    }
    return out;
  }

  private static void copy(int[] src, int from, int to, int[] dst, int[] pos) {
    from = Math.max(0, Math.min(from, src.length));
    to = Math.max(0, Math.min(to, src.length));
    for (int k = from; k < to; k++) {
      dst[pos[0]++] = src[k];
    }
  }

  private record Result(long cost, byte[] trace) {}

  /**
   * sacreBLEU's {@code BeamEditDistance}: Levenshtein distance from a hypothesis to the reference,
   * computed only within a beam around the diagonal scaled by the length ratio, with the trace of
   * operations. Rows are memoised by hypothesis prefix, as upstream does: shifted hypotheses share
   * long prefixes and have the same length, so the rows are the same.
   */
  private static final class BeamEditDistance {
    private static final int MAX_CACHE_SIZE = 10000;

    private final int[] ref;
    private final Node root = new Node();
    private int cacheSize;

    BeamEditDistance(int[] ref) {
      this.ref = ref;
    }

    private static final class Node {
      final Map<Integer, Node> next = new java.util.HashMap<>();
      long[] costs;
      byte[] ops;
    }

    Result distance(int[] hyp) {
      int n = hyp.length;
      int m = ref.length;
      long[][] cost = new long[n + 1][];
      byte[][] ops = new byte[n + 1][];
      // row 0: insert every reference word
      cost[0] = new long[m + 1];
      ops[0] = new byte[m + 1];
      for (int j = 0; j <= m; j++) {
        cost[0][j] = j;
        ops[0][j] = OP_INS;
      }
      // the longest cached prefix
      Node node = root;
      int start = 0;
      while (start < n) {
        Node child = node.next.get(hyp[start]);
        if (child == null) {
          break;
        }
        node = child;
        start++;
        cost[start] = child.costs;
        ops[start] = child.ops;
      }
      double lengthRatio = n > 0 ? (double) m / n : 1;
      int beam =
          BEAM_WIDTH < lengthRatio / 2 ? (int) Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
      for (int i = start + 1; i <= n; i++) {
        long[] c = new long[m + 1];
        byte[] o = new byte[m + 1];
        java.util.Arrays.fill(c, INFINITY);
        java.util.Arrays.fill(o, OP_UNDEF);
        int pseudoDiag = (int) Math.floor(i * lengthRatio);
        int minJ = Math.max(0, pseudoDiag - beam);
        int maxJ = Math.min(m + 1, pseudoDiag + beam);
        if (i == n) {
          maxJ = m + 1;
        }
        long[] up = cost[i - 1];
        for (int j = minJ; j < maxJ; j++) {
          if (j == 0) {
            c[0] = up[0] + 1;
            o[0] = OP_DEL;
          } else {
            boolean same = hyp[i - 1] == ref[j - 1];
            // Tercom prefers a match or substitution, then insertion, then deletion; upstream
            // swaps the last two because it reads the alignment from the flipped trace.
            long diag = up[j - 1] + (same ? 0 : 1);
            if (c[j] > diag) {
              c[j] = diag;
              o[j] = same ? OP_NOP : OP_SUB;
            }
            long del = up[j] + 1;
            if (c[j] > del) {
              c[j] = del;
              o[j] = OP_DEL;
            }
            long ins = c[j - 1] + 1;
            if (c[j] > ins) {
              c[j] = ins;
              o[j] = OP_INS;
            }
          }
        }
        cost[i] = c;
        ops[i] = o;
      }
      // cache the new rows
      if (cacheSize < MAX_CACHE_SIZE) {
        Node at = node;
        for (int i = start; i < n; i++) {
          Node child = at.next.get(hyp[i]);
          if (child == null) {
            child = new Node();
            child.costs = cost[i + 1];
            child.ops = ops[i + 1];
            at.next.put(hyp[i], child);
            cacheSize++;
          }
          at = child;
        }
      }
      // the trace
      byte[] trace = new byte[n + m];
      int len = 0;
      int i = n;
      int j = m;
      while (i > 0 || j > 0) {
        byte op = ops[i][j];
        trace[len++] = op;
        if (op == OP_SUB || op == OP_NOP) {
          i--;
          j--;
        } else if (op == OP_INS) {
          j--;
        } else if (op == OP_DEL) {
          i--;
        } else {
          throw new IllegalStateException("unknown edit operation " + (char) op);
        }
      }
      byte[] forward = new byte[len];
      for (int k = 0; k < len; k++) {
        forward[k] = trace[len - 1 - k];
      }
      return new Result(cost[n][m], forward);
    }
  }
}
