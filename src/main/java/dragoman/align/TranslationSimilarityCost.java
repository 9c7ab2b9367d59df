package dragoman.align;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translation similarity as in Bleualign (Sennrich and Volk 2010, "MT-based sentence alignment for
 * OCR-generated parallel texts", AMTA): the machine translation of one side's sentences is compared
 * with the other side's sentences by a sentence-level MT metric (chrF or BLEU from eval/). A bead
 * linking sentences on both sides costs {@code weight * (a + b) / 2 * (threshold - similarity)}, so
 * a bead that translates well is cheaper than its length cost alone, and merging two good 1-1 beads
 * into a 2-2 bead gains nothing unless it translates better. 1-0 and 0-1 beads cost nothing here:
 * the length model's prior prices them.
 *
 * <p>Scores are cached per bead; not thread-safe.
 */
public final class TranslationSimilarityCost implements BeadScorer {
  /** A sentence-level similarity in [0, 1] of a hypothesis (machine translation) to a reference. */
  @FunctionalInterface
  public interface Similarity {
    double score(String hypothesis, String reference);
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
  private final Similarity similarity;
  private final double weight;
  private final double threshold;
  private final Map<Long, Double> cache = new HashMap<>();

  /**
   * @param translation one translated sentence per sentence of the translated side, in order
   */
  public TranslationSimilarityCost(
      List<String> source,
      List<String> target,
      List<String> translation,
      Translated translated,
      Similarity similarity,
      double weight,
      double threshold) {
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
  }

  @Override
  public double cost(int i, int a, int j, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    long key = ((long) i << 36) | ((long) a << 33) | ((long) j << 3) | b;
    Double s = cache.get(key);
    if (s == null) {
      s = similarity(i, a, j, b);
      cache.put(key, s);
    }
    return weight * (a + b) / 2.0 * (threshold - s);
  }

  /** The similarity of the bead's translated side to its other side, in [0, 1]. */
  public double similarity(int i, int a, int j, int b) {
    String hypothesis;
    String reference;
    if (translated == Translated.SOURCE) {
      hypothesis = join(translation, i, a);
      reference = join(target, j, b);
    } else {
      hypothesis = join(translation, j, b);
      reference = join(source, i, a);
    }
    if (hypothesis.isBlank() || reference.isBlank()) {
      return 0;
    }
    return similarity.score(hypothesis, reference);
  }

  private static String join(List<String> sentences, int from, int count) {
    if (count == 1) {
      return sentences.get(from);
    }
    return String.join(" ", sentences.subList(from, from + count));
  }
}
