package dragoman.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Evidence that needs no model: numbers, names and cognates (words spelt alike on both sides, by
 * Jaro-Winkler similarity from Commons Text), and punctuation that translations keep (question and
 * exclamation marks, quotes, parentheses, colons). In the spirit of Simard, Foster and Isabelle
 * (1992), "Using cognates to align sentences in bilingual corpora".
 *
 * <p>An anchor is a number or a cognate class that occurs on both sides of the document somewhere;
 * a word with no look-alike anywhere on the other side says nothing about where its sentence goes
 * and is ignored. Each anchor weighs {@code 1/sqrt(df)} (df: the most sentences of one side it
 * occurs in), numbers {@link AlignOptions#numberWeight()} times more. A bead linking sentences on
 * both sides costs {@code missPenalty * (weight of anchors on one side only) - matchBonus * (weight
 * of anchors on both) + punctuationPenalty * (marks present on one side only)}; 1-0 and 0-1 beads
 * cost nothing here.
 *
 * <p>Every span of up to {@link AlignOptions#maxBeadSide()} sentences is gathered once, when built;
 * immutable afterwards.
 */
public final class LexicalAnchors implements BeadScorer {
  /** Words shorter than this are anchors only when capitalised (names); cognates need length. */
  static final int MIN_WORD = 5;

  /** Shortest capitalised word taken as a possible name. */
  static final int MIN_NAME = 3;

  private static final String MARKS = "?!\"(:";

  /** [count][start]: the sorted, distinct anchor classes of sentences [start, start+count). */
  private final int[][][] sourceSpans;

  private final int[][][] targetSpans;

  /** [count][start]: the total weight of those classes. */
  private final double[][] sourceSpanWeight;

  private final double[][] targetSpanWeight;

  /** [mark][k]: occurrences of the mark in sentences [0, k), so a span's count is a difference. */
  private final int[][] sourceMarks;

  private final int[][] targetMarks;
  private final double[] weight;
  private final double matchBonus;
  private final double missPenalty;
  private final double punctuationPenalty;

  public LexicalAnchors(List<String> source, List<String> target, AlignOptions options) {
    this.matchBonus = options.anchorMatchBonus();
    this.missPenalty = options.anchorMissPenalty();
    this.punctuationPenalty = options.punctuationPenalty();
    List<Tokens> src = new ArrayList<>(source.size());
    for (String s : source) {
      src.add(Tokens.of(s));
    }
    List<Tokens> tgt = new ArrayList<>(target.size());
    for (String s : target) {
      tgt.add(Tokens.of(s));
    }
    // Classes: numbers by their digits, words by cognate class across the two vocabularies.
    Map<String, Integer> sourceClass = new HashMap<>();
    Map<String, Integer> targetClass = new HashMap<>();
    int classes = cognateClasses(src, tgt, options.cognateSimilarity(), sourceClass, targetClass);
    int[] dfSource = new int[classes];
    int[] dfTarget = new int[classes];
    int[][] s0 = ids(src, sourceClass, dfSource);
    int[][] t0 = ids(tgt, targetClass, dfTarget);
    this.weight = new double[classes];
    boolean[] isNumber = new boolean[classes];
    for (Map.Entry<String, Integer> e : sourceClass.entrySet()) {
      isNumber[e.getValue()] = e.getKey().startsWith("#");
    }
    for (int c = 0; c < classes; c++) {
      int df = Math.max(dfSource[c], dfTarget[c]);
      if (dfSource[c] > 0 && dfTarget[c] > 0) {
        weight[c] = (isNumber[c] ? options.numberWeight() : 1.0) / Math.sqrt(df);
      }
    }
    int maxSide = options.maxBeadSide();
    int[][] sourceAnchors = keepShared(s0, weight);
    int[][] targetAnchors = keepShared(t0, weight);
    this.sourceSpans = spans(sourceAnchors, maxSide);
    this.targetSpans = spans(targetAnchors, maxSide);
    this.sourceSpanWeight = spanWeights(sourceSpans, weight);
    this.targetSpanWeight = spanWeights(targetSpans, weight);
    this.sourceMarks = marks(src);
    this.targetMarks = marks(tgt);
  }

  /**
   * The anchors of every span of 1..maxSide sentences, each built from the span one shorter by a
   * merge: the search asks for each span dozens of times, so it is worked out once.
   */
  private static int[][][] spans(int[][] anchors, int maxSide) {
    int n = anchors.length;
    int[][][] out = new int[maxSide + 1][][];
    out[0] = new int[0][];
    out[1] = anchors;
    for (int c = 2; c <= maxSide; c++) {
      out[c] = new int[Math.max(0, n - c + 1)][];
      for (int k = 0; k + c <= n; k++) {
        out[c][k] = union(out[c - 1][k], anchors[k + c - 1]);
      }
    }
    return out;
  }

  private static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        out[n++] = a[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        out[n++] = b[j++];
      } else {
        out[n++] = a[i++];
        j++;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static double[][] spanWeights(int[][][] spans, double[] weight) {
    double[][] out = new double[spans.length][];
    for (int c = 0; c < spans.length; c++) {
      out[c] = new double[spans[c].length];
      for (int k = 0; k < spans[c].length; k++) {
        double w = 0;
        for (int x : spans[c][k]) {
          w += weight[x];
        }
        out[c][k] = w;
      }
    }
    return out;
  }

  @Override
  public double cost(int i, int a, int j, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    int[] sa = sourceSpans[a][i];
    int[] ta = targetSpans[b][j];
    double matched = 0;
    int p = 0;
    int q = 0;
    while (p < sa.length && q < ta.length) {
      if (sa[p] < ta[q]) {
        p++;
      } else if (ta[q] < sa[p]) {
        q++;
      } else {
        matched += weight[sa[p]];
        p++;
        q++;
      }
    }
    double missed = sourceSpanWeight[a][i] + targetSpanWeight[b][j] - 2 * matched;
    int markDiff = 0;
    for (int k = 0; k < MARKS.length(); k++) {
      int cs = sourceMarks[k][i + a] - sourceMarks[k][i];
      int ct = targetMarks[k][j + b] - targetMarks[k][j];
      markDiff += Math.abs(cs - ct);
    }
    return missPenalty * missed - matchBonus * matched + punctuationPenalty * markDiff;
  }

  /** The words and numbers of one sentence, and its counts of the punctuation marks we track. */
  record Tokens(List<String> numbers, List<String> words, byte[] marks) {
    static Tokens of(String sentence) {
      List<String> numbers = new ArrayList<>();
      List<String> words = new ArrayList<>();
      byte[] marks = new byte[MARKS.length()];
      int len = sentence.length();
      int k = 0;
      boolean first = true;
      while (k < len) {
        int cp = sentence.codePointAt(k);
        if (Character.isDigit(cp)) {
          StringBuilder digits = new StringBuilder();
          int e = k;
          while (e < len) {
            int c = sentence.codePointAt(e);
            if (Character.isDigit(c)) {
              digits.append(Character.forDigit(Character.digit(c, 10), 10));
              e += Character.charCount(c);
            } else if (isGroupSeparator(c)
                && e + 1 < len
                && Character.isDigit(sentence.codePointAt(e + 1))) {
              // 1'000, 1.000 and 1,000 are one number (Swiss, German and English grouping).
              e += Character.charCount(c);
            } else {
              break;
            }
          }
          numbers.add("#" + digits);
          k = e;
          first = false;
        } else if (Character.isLetter(cp)) {
          int e = k;
          while (e < len) {
            int c = sentence.codePointAt(e);
            if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
              break;
            }
            e += Character.charCount(c);
          }
          String word = sentence.substring(k, e);
          int letters = word.codePointCount(0, word.length());
          boolean capitalised = Character.isUpperCase(cp) && !first;
          if (letters >= MIN_WORD || (capitalised && letters >= MIN_NAME)) {
            words.add(fold(word));
          }
          k = e;
          first = false;
        } else {
          int mark = markClass(cp);
          if (mark >= 0 && marks[mark] < Byte.MAX_VALUE) {
            marks[mark]++;
          }
          k += Character.charCount(cp);
        }
      }
      return new Tokens(numbers, words, marks);
    }
  }

  private static boolean isGroupSeparator(int c) {
    return c == '\'' || c == '\u2019' || c == '.' || c == ',' || c == '\u202f';
  }

  /** Index into {@link #MARKS}: all double quote styles are one mark, as are ( and ). */
  private static int markClass(int cp) {
    switch (cp) {
      case '?':
        return 0;
      case '!':
        return 1;
      case '"':
      case '\u00ab':
      case '\u00bb':
      case '\u201e':
      case '\u201c':
      case '\u201d':
        return 2;
      case '(':
        return 3;
      case ':':
        return 4;
      default:
        return -1;
    }
  }

  /** Lower case without diacritics, so that "Expédition" and "Expedition" compare equal. */
  static String fold(String word) {
    String d = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int k = 0; k < d.length(); k++) {
      char c = d.charAt(k);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Gives every number and word of both sides a class id: numbers by their digits; a word its own
   * class, shared with the words of the other side that are equal or at least {@code similarity}
   * alike (Jaro-Winkler, Commons Text), compared within buckets of the same first two letters so
   * that the work grows with the vocabularies, not their product.
   */
  private static int cognateClasses(
      List<Tokens> src,
      List<Tokens> tgt,
      double similarity,
      Map<String, Integer> sourceClass,
      Map<String, Integer> targetClass) {
    int next = 0;
    for (Tokens t : src) {
      for (String num : t.numbers()) {
        if (!sourceClass.containsKey(num)) {
          sourceClass.put(num, next++);
        }
      }
    }
    for (Tokens t : tgt) {
      for (String num : t.numbers()) {
        Integer c = sourceClass.get(num);
        if (c != null) {
          targetClass.put(num, c);
        } else if (!targetClass.containsKey(num)) {
          targetClass.put(num, next++);
        }
      }
    }
    Map<String, List<String>> targetBuckets = new HashMap<>();
    for (Tokens t : tgt) {
      for (String w : t.words()) {
        if (!targetClass.containsKey(w)) {
          targetClass.put(w, -1);
          targetBuckets.computeIfAbsent(bucket(w), x -> new ArrayList<>()).add(w);
        }
      }
    }
    JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
    for (Tokens t : src) {
      for (String w : t.words()) {
        if (sourceClass.containsKey(w)) {
          continue;
        }
        int c = next++;
        sourceClass.put(w, c);
        for (String v : targetBuckets.getOrDefault(bucket(w), List.of())) {
          if (targetClass.get(v) < 0 && (v.equals(w) || jw.apply(w, v) >= similarity)) {
            targetClass.put(v, c);
          }
        }
      }
    }
    for (Map.Entry<String, Integer> e : targetClass.entrySet()) {
      if (e.getValue() < 0) {
        e.setValue(next++);
      }
    }
    return next;
  }

  private static String bucket(String word) {
    return word.length() <= 2 ? word : word.substring(0, 2);
  }

  private static int[][] ids(List<Tokens> sentences, Map<String, Integer> classes, int[] df) {
    int[][] out = new int[sentences.size()][];
    for (int k = 0; k < out.length; k++) {
      Tokens t = sentences.get(k);
      int[] ids = new int[t.numbers().size() + t.words().size()];
      int n = 0;
      for (String num : t.numbers()) {
        ids[n++] = classes.get(num);
      }
      for (String w : t.words()) {
        ids[n++] = classes.get(w);
      }
      int[] distinct = Arrays.stream(ids).sorted().distinct().toArray();
      for (int c : distinct) {
        df[c]++;
      }
      out[k] = distinct;
    }
    return out;
  }

  private static int[][] keepShared(int[][] anchors, double[] weight) {
    int[][] out = new int[anchors.length][];
    for (int k = 0; k < anchors.length; k++) {
      out[k] = Arrays.stream(anchors[k]).filter(c -> weight[c] > 0).toArray();
    }
    return out;
  }

  private static int[][] marks(List<Tokens> sentences) {
    int[][] out = new int[MARKS.length()][sentences.size() + 1];
    for (int k = 0; k < sentences.size(); k++) {
      byte[] m = sentences.get(k).marks();
      for (int x = 0; x < m.length; x++) {
        out[x][k + 1] = out[x][k] + m[x];
      }
    }
    return out;
  }
}
