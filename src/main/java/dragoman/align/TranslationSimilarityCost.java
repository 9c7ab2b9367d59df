package dragoman.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Translation similarity as in Bleualign (Sennrich and Volk 2010, "MT-based sentence alignment for
 * OCR-generated parallel texts", AMTA): the machine translation of one side's sentences is compared
 * with the other side's sentences by a sentence-level similarity (chrF, {@link ChrfSimilarity}).
 * The sentences of a 1-n candidate are joined into one text on each side (overlapping
 * concatenations, as vecalign's), and a raw similarity grows with the length of the texts compared,
 * so scores of different bead shapes are put on one scale as vecalign does (Thompson and Koehn
 * 2019, section 3.1): for each shape (a, b) the mean similarity {@code r} of random pairs of spans
 * of that shape is measured once per document, and a candidate's similarity {@code s} counts as
 * {@code (s - r) / (1 - r)}, 0 for a random pair, 1 for identical text. A bead linking sentences on
 * both sides costs {@code weight * (a + b) / 2 * (threshold - normalised)}, so a bead that
 * translates well is cheaper than its length cost alone, and merging two good 1-1 beads into a 2-2
 * bead gains nothing unless it translates better. 1-0 and 0-1 beads cost nothing here: the length
 * model's prior prices them, and a pair of sentences that does not translate costs more than
 * leaving both unlinked.
 *
 * <p>Each span of up to {@code maxSide} consecutive sentences is prepared once ({@link
 * Similarity#prepare}, e.g. its chrF n-grams), so a bead costs one comparison. Not thread-safe.
 *
 * @param <P> a text prepared for comparison
 */
public final class TranslationSimilarityCost<P> implements BeadScorer.Bounded {
  /**
   * A sentence-level similarity in [0, 1] of a hypothesis (machine translation) to a reference.
   *
   * @param <P> a text prepared for comparison
   */
  public interface Similarity<P> {
    P prepare(String text);

    double score(P hypothesis, P reference);

    /**
     * The prepared text of consecutive sentences joined by a space, given each one prepared; by
     * default prepared afresh from the joined text.
     */
    default P join(List<String> sentences, List<P> parts) {
      return prepare(String.join(" ", sentences));
    }
  }

  /** Which side the translation is of. */
  public enum Translated {
    /** the source sentences, translated into the target's language */
    SOURCE,
    /** the target sentences, translated into the source's language */
    TARGET
  }

  private final List<String> source;
  private final List<String> target;
  private final List<String> translation;
  private final Translated translated;
  private final Similarity<P> similarity;
  private final double weight;
  private final double threshold;
  private final SpanCache<P> hypotheses;
  private final SpanCache<P> references;
  private final double[][] random;

  /**
   * @param translation one translated sentence per sentence of the translated side, in order
   */
  public TranslationSimilarityCost(
      List<String> source,
      List<String> target,
      List<String> translation,
      Translated translated,
      Similarity<P> similarity,
      double weight,
      double threshold,
      int maxSide,
      int randomPairs) {
    int expected = translated == Translated.SOURCE ? source.size() : target.size();
    if (translation.size() != expected) {
      throw new IllegalArgumentException(
          "the translation has "
              + translation.size()
              + " sentences but the side it translates has "
              + expected);
    }
    this.source = source;
    this.target = target;
    this.translation = translation;
    this.translated = translated;
    this.similarity = similarity;
    this.weight = weight;
    this.threshold = threshold;
    List<String> other = translated == Translated.SOURCE ? target : source;
    this.hypotheses = new SpanCache<>(translation, maxSide, similarity);
    this.references = new SpanCache<>(other, maxSide, similarity);
    this.random = randomSimilarity(maxSide, randomPairs);
  }

  /**
   * The mean raw similarity of {@code pairs} random span pairs for each bead shape (a, b) with both
   * sides in 1..maxSide: at each of {@code pairs} random source and target positions drawn with a
   * fixed seed (so that an alignment is reproducible), the spans of every size starting there are
   * compared, so the spans are prepared once for all shapes. 0 where a side has fewer sentences
   * than the shape needs.
   */
  private double[][] randomSimilarity(int maxSide, int pairs) {
    double[][] out = new double[maxSide + 1][maxSide + 1];
    int[][] seen = new int[maxSide + 1][maxSide + 1];
    java.util.Random rng = new java.util.Random(20191103L);
    int n = source.size();
    int m = target.size();
    if (n == 0 || m == 0) {
      return out;
    }
    for (int k = 0; k < pairs; k++) {
      int i = rng.nextInt(n);
      int j = rng.nextInt(m);
      for (int a = 1; a <= maxSide && i + a <= n; a++) {
        for (int b = 1; b <= maxSide && j + b <= m; b++) {
          if (a == 1 || b == 1 || a == b) {
            out[a][b] += rawSimilarity(i, a, j, b);
            seen[a][b]++;
          }
        }
      }
    }
    for (int a = 1; a <= maxSide; a++) {
      for (int b = 1; b <= maxSide; b++) {
        out[a][b] = seen[a][b] == 0 ? 0 : Math.min(0.99, out[a][b] / seen[a][b]);
      }
    }
    return out;
  }

  @Override
  public double cost(int i, int a, int j, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return weight * (a + b) / 2.0 * (threshold - similarity(i, a, j, b));
  }

  /** The normalised similarity is at most 1, so a bead costs at least this. */
  @Override
  public double floor(int a, int b) {
    return a == 0 || b == 0 ? 0 : weight * (a + b) / 2.0 * (threshold - 1);
  }

  /**
   * The similarity of the bead's translated side to its other side, normalised by that of random
   * pairs of the same shape: 0 for a random pair, 1 for identical text (a, b >= 1).
   */
  public double similarity(int i, int a, int j, int b) {
    double r = random[a][b];
    return (rawSimilarity(i, a, j, b) - r) / (1 - r);
  }

  /** The similarity of the bead's translated side to its other side, in [0, 1]. */
  public double rawSimilarity(int i, int a, int j, int b) {
    P hypothesis;
    P reference;
    if (translated == Translated.SOURCE) {
      hypothesis = hypotheses.get(i, a);
      reference = references.get(j, b);
    } else {
      hypothesis = hypotheses.get(j, b);
      reference = references.get(i, a);
    }
    if (hypothesis == null || reference == null) {
      return 0;
    }
    return similarity.score(hypothesis, reference);
  }

  /**
   * Prepared texts of the spans {@code [from, from+count)}, joined by a space, made on demand. At
   * most {@link #LIVE} are kept, the oldest dropped first: the search moves along the documents, so
   * it needs only the spans near its band, and a long document's spans would not fit in memory (a
   * prepared chrF span is some kilobytes). A dropped span needed again is prepared again.
   */
  private static final class SpanCache<P> {
    static final int LIVE = 4_000;

    private final List<String> sentences;
    private final Similarity<P> similarity;
    private final List<List<P>> prepared = new ArrayList<>();
    private final boolean[][] blank;
    private final java.util.ArrayDeque<long[]> order = new java.util.ArrayDeque<>();

    SpanCache(List<String> sentences, int maxSide, Similarity<P> similarity) {
      this.sentences = sentences;
      this.similarity = similarity;
      for (int c = 0; c <= maxSide; c++) {
        prepared.add(new ArrayList<>(Collections.nCopies(sentences.size(), null)));
      }
      this.blank = new boolean[maxSide + 1][sentences.size()];
    }

    /** The prepared span, or null when its text is blank. */
    P get(int from, int count) {
      P p = prepared.get(count).get(from);
      if (p == null && !blank[count][from]) {
        List<String> span = sentences.subList(from, from + count);
        if (count == 1) {
          if (span.get(0).isBlank()) {
            blank[count][from] = true;
            return null;
          }
          p = similarity.prepare(span.get(0));
        } else {
          List<P> parts = new ArrayList<>(count);
          for (int k = 0; k < count; k++) {
            P part = get(from + k, 1);
            if (part != null) {
              parts.add(part);
            }
          }
          if (parts.isEmpty()) {
            blank[count][from] = true;
            return null;
          }
          p = similarity.join(span, parts);
        }
        prepared.get(count).set(from, p);
        order.addLast(new long[] {count, from});
        if (order.size() > LIVE) {
          long[] old = order.removeFirst();
          prepared.get((int) old[0]).set((int) old[1], null);
        }
      }
      return p;
    }
  }
}
