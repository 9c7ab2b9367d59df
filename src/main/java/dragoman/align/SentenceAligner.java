package dragoman.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aligns the sentences of a source document with those of a target document: the bead search
 * ({@link BeadSearch}) over one cost summed from the length model ({@link GaleChurchCost}), lexical
 * anchors ({@link LexicalAnchors}) and, when a translation of one side is at hand, translation
 * similarity ({@link TranslationSimilarityCost}).
 *
 * <p>First the path without translation is found (in full, or coarse-to-fine for long documents);
 * with a translation the search is repeated with all scorers in a band around that path, which
 * bounds the number of similarity computations to a multiple of the document length. Thread-safe:
 * every call builds its own scorers.
 */
public final class SentenceAligner {
  /**
   * Translations available for one alignment.
   *
   * @param ofSource the source sentences translated into the target's language, or empty
   * @param ofTarget the target sentences translated into the source's language, or empty
   */
  public record Translations(Optional<List<String>> ofSource, Optional<List<String>> ofTarget) {
    public static Translations none() {
      return new Translations(Optional.empty(), Optional.empty());
    }

    public static Translations ofSource(List<String> t) {
      return new Translations(Optional.of(List.copyOf(t)), Optional.empty());
    }

    public static Translations ofTarget(List<String> t) {
      return new Translations(Optional.empty(), Optional.of(List.copyOf(t)));
    }

    public boolean any() {
      return ofSource.isPresent() || ofTarget.isPresent();
    }
  }

  private final AlignOptions options;
  private final TranslationSimilarityCost.Similarity<?> similarity;

  /**
   * @param similarity sentence similarity of a translation to the other side, in [0, 1]
   */
  public SentenceAligner(AlignOptions options, TranslationSimilarityCost.Similarity<?> similarity) {
    this.options = options;
    this.similarity = similarity;
  }

  /** With chrF ({@link ChrfSimilarity}) as the translation similarity. */
  public SentenceAligner(AlignOptions options) {
    this(options, new ChrfSimilarity());
  }

  public AlignOptions options() {
    return options;
  }

  /** Aligns without any translation: length and (if on) lexical anchors. */
  public List<Bead> align(List<String> source, List<String> target) {
    return align(source, target, Translations.none());
  }

  public List<Bead> align(List<String> source, List<String> target, Translations translations) {
    int n = source.size();
    int m = target.size();
    if (n == 0 && m == 0) {
      return List.of();
    }
    translations.ofSource().ifPresent(t -> requireSize(t, n, "source"));
    translations.ofTarget().ifPresent(t -> requireSize(t, m, "target"));
    List<BeadType> types = BeadType.upTo(options.maxBeadSide());
    BeadSearch search = new BeadSearch(types);
    int[] sourceLengths = GaleChurchCost.lengths(source);
    int[] targetLengths = GaleChurchCost.lengths(target);
    BeadScorer length =
        new GaleChurchCost(
            sourceLengths, targetLengths, types, options.lengthWeight(), options.loneLengthCost());
    BeadScorer cheap =
        options.anchors()
            ? BeadScorer.sum(length, new LexicalAnchors(source, target, options))
            : length;
    List<Bead> path =
        search.coarseToFine(
            sourceLengths,
            targetLengths,
            cheap,
            (s, t) ->
                new GaleChurchCost(s, t, types, options.lengthWeight(), options.loneLengthCost()),
            options.fullSearchCells(),
            options.band());
    if (!translations.any() || n == 0 || m == 0) {
      return path;
    }
    List<BeadScorer> cheapParts = new ArrayList<>(List.of(cheap));
    if (options.translationAnchorWeight() > 0) {
      double w = options.translationAnchorWeight();
      translations
          .ofSource()
          .ifPresent(
              t -> {
                LexicalAnchors a = new LexicalAnchors(t, target, options);
                cheapParts.add((i, x, j, y) -> w * a.cost(i, x, j, y));
              });
      translations
          .ofTarget()
          .ifPresent(
              t -> {
                LexicalAnchors a = new LexicalAnchors(source, t, options);
                cheapParts.add((i, x, j, y) -> w * a.cost(i, x, j, y));
              });
    }
    BeadScorer withTranslation = BeadScorer.sum(cheapParts.toArray(BeadScorer[]::new));
    List<BeadScorer.Bounded> scorers = new ArrayList<>();
    int sides =
        (translations.ofSource().isPresent() ? 1 : 0)
            + (translations.ofTarget().isPresent() ? 1 : 0);
    double weight = options.translationWeight() / sides;
    if (weight > 0) {
      translations
          .ofSource()
          .ifPresent(
              t ->
                  scorers.add(
                      translationCost(
                          source, target, t, TranslationSimilarityCost.Translated.SOURCE, weight)));
      translations
          .ofTarget()
          .ifPresent(
              t ->
                  scorers.add(
                      translationCost(
                          source, target, t, TranslationSimilarityCost.Translated.TARGET, weight)));
    }
    BeadSearch.Band band =
        BeadSearch.Band.around(BeadSearch.corners(path), n, m, options.translationBand());
    return search.search(withTranslation, BeadScorer.Bounded.sum(scorers), band);
  }

  private BeadScorer.Bounded translationCost(
      List<String> source,
      List<String> target,
      List<String> translation,
      TranslationSimilarityCost.Translated translated,
      double weight) {
    return costWith(similarity, source, target, translation, translated, weight);
  }

  private <P> BeadScorer.Bounded costWith(
      TranslationSimilarityCost.Similarity<P> sim,
      List<String> source,
      List<String> target,
      List<String> translation,
      TranslationSimilarityCost.Translated translated,
      double weight) {
    return new TranslationSimilarityCost<>(
        source,
        target,
        translation,
        translated,
        sim,
        weight,
        options.translationThreshold(),
        options.maxBeadSide(),
        options.randomPairs());
  }

  /** Total characters of one side over the other's beyond which {@link #lengthMismatch} speaks. */
  public static final double MISMATCH_RATIO = 2.0;

  /**
   * A one-line notice when one side has more than {@link #MISMATCH_RATIO} times the characters of
   * the other: most of the longer side will stay unlinked (1-0 or 0-1), which is right for a
   * partial translation and a sign of the wrong file otherwise.
   */
  public static Optional<String> lengthMismatch(List<String> source, List<String> target) {
    long s = 0;
    for (String x : source) {
      s += x.codePointCount(0, x.length());
    }
    long t = 0;
    for (String x : target) {
      t += x.codePointCount(0, x.length());
    }
    if (s == 0 || t == 0 || Math.max(s, t) <= MISMATCH_RATIO * Math.min(s, t)) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            java.util.Locale.ROOT,
            "the source has %s (%,d characters) and the target %s (%,d characters), %.1f times"
                + " as much on one side: most of the longer side will stay unlinked",
            count(source.size()),
            s,
            count(target.size()),
            t,
            Math.max(s, t) / (double) Math.min(s, t)));
  }

  private static String count(int sentences) {
    return sentences + (sentences == 1 ? " sentence" : " sentences");
  }

  private static void requireSize(List<String> translation, int expected, String side) {
    if (translation.size() != expected) {
      throw new IllegalArgumentException(
          "the translation of the "
              + side
              + " has "
              + translation.size()
              + " lines but the "
              + side
              + " has "
              + expected
              + " sentences; give one translated sentence a line, in order");
    }
  }
}
