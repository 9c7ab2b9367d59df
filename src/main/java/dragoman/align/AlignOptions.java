package dragoman.align;

/**
 * Every knob of the sentence aligner in one flat value. Start from {@link #defaults()} and change
 * what you need with the {@code with...} methods; each default is the {@code DEFAULT_...} constant
 * next to its field. The weights were set on development data only (eval/align-tune); see
 * eval/results/align.md.
 *
 * @param maxBeadSide most sentences on one side of a bead: 2 gives 1-1, 1-2, 2-1, 2-2; 3 adds 1-3
 *     and 3-1; 4 adds 1-4 and 4-1 (1-0 and 0-1 are always allowed)
 * @param lengthWeight weight of the Gale and Church (1993) length cost, the scale the other weights
 *     are measured in (nats)
 * @param loneLengthCost most length cost (nats) of a 1-0 or 0-1 bead, prior apart: Gale and
 *     Church's normal model prices a lone long sentence far above merging it into a neighbour, so
 *     deletions are never found
 * @param anchors whether lexical anchors (numbers, cognates and names, punctuation) are scored
 * @param anchorMatchBonus cost removed for each anchor found on both sides of a bead
 * @param anchorMissPenalty cost added for each anchor of a bead found on one side only
 * @param numberWeight how many word anchors a number counts as (numbers rarely change in
 *     translation, words do)
 * @param punctuationPenalty cost per question mark, exclamation mark, quote, parenthesis or colon
 *     on one side of a bead only
 * @param cognateSimilarity least Jaro-Winkler similarity (Commons Text) for two words to count as
 *     cognates or the same name
 * @param translationWeight weight of the translation similarity (Bleualign) cost per sentence of a
 *     bead
 * @param translationThreshold normalised similarity (0 for random pairs of the bead's shape, 1 for
 *     identical text) at which a bead's translation similarity is neutral: above it a bead is
 *     cheaper than its length cost alone, below it dearer
 * @param translationAnchorWeight factor on lexical anchors found between the translation and the
 *     other side (same language, so every longer word can match); 0 leaves them out
 * @param randomPairs random span pairs of each bead shape whose mean similarity normalises that
 *     shape's similarities (vecalign's normalisation)
 * @param fullSearchCells largest number of DP cells (source x target sentences) searched in full;
 *     longer documents are aligned coarse-to-fine
 * @param band half-width in sentences of the band searched around a coarser level's path
 * @param translationBand half-width of the band around the path without translation in which
 *     translation similarity is scored; bounds the similarity calls
 */
public record AlignOptions(
    int maxBeadSide,
    double lengthWeight,
    double loneLengthCost,
    boolean anchors,
    double anchorMatchBonus,
    double anchorMissPenalty,
    double numberWeight,
    double punctuationPenalty,
    double cognateSimilarity,
    double translationWeight,
    double translationThreshold,
    double translationAnchorWeight,
    int randomPairs,
    long fullSearchCells,
    int band,
    int translationBand) {

  /**
   * Most sentences on one side of a bead: 2 gives 1-1, 1-2, 2-1, 2-2; 3 adds 1-3 and 3-1; 4 adds
   * 1-4 and 4-1 (1-0 and 0-1 are always allowed).
   */
  public static final int DEFAULT_MAX_BEAD_SIDE = 4;

  /**
   * Weight of the Gale and Church (1993) length cost, the scale the other weights are measured in
   * (nats).
   */
  public static final double DEFAULT_LENGTH_WEIGHT = 1.0;

  /**
   * Most length cost (nats) of a 1-0 or 0-1 bead, prior apart: Gale and Church's normal model
   * prices a lone long sentence far above merging it into a neighbour, so deletions are never
   * found.
   */
  public static final double DEFAULT_LONE_LENGTH_COST = 0.0;

  /** Whether lexical anchors (numbers, cognates and names, punctuation) are scored. */
  public static final boolean DEFAULT_ANCHORS = true;

  /** Cost removed for each anchor found on both sides of a bead. */
  public static final double DEFAULT_ANCHOR_MATCH_BONUS = 2.0;

  /** Cost added for each anchor of a bead found on one side only. */
  public static final double DEFAULT_ANCHOR_MISS_PENALTY = 1.0;

  /** How many word anchors a number counts as (numbers rarely change in translation, words do). */
  public static final double DEFAULT_NUMBER_WEIGHT = 2.0;

  /**
   * Cost per question mark, exclamation mark, quote, parenthesis or colon on one side of a bead
   * only.
   */
  public static final double DEFAULT_PUNCTUATION_PENALTY = 0.3;

  /**
   * Least Jaro-Winkler similarity (Commons Text) for two words to count as cognates or the same
   * name.
   */
  public static final double DEFAULT_COGNATE_SIMILARITY = 0.9;

  /** Weight of the translation similarity (Bleualign) cost per sentence of a bead. */
  public static final double DEFAULT_TRANSLATION_WEIGHT = 5.0;

  /**
   * Normalised similarity (0 for random pairs of the bead's shape, 1 for identical text) at which a
   * bead's translation similarity is neutral: above it a bead is cheaper than its length cost
   * alone, below it dearer.
   */
  public static final double DEFAULT_TRANSLATION_THRESHOLD = 0.1;

  /**
   * Factor on lexical anchors found between the translation and the other side (same language, so
   * every longer word can match); 0 leaves them out.
   */
  public static final double DEFAULT_TRANSLATION_ANCHOR_WEIGHT = 0.5;

  /**
   * Random span pairs of each bead shape whose mean similarity normalises that shape's similarities
   * (vecalign's normalisation).
   */
  public static final int DEFAULT_RANDOM_PAIRS = 200;

  /**
   * Largest number of DP cells (source x target sentences) searched in full; longer documents are
   * aligned coarse-to-fine.
   */
  public static final long DEFAULT_FULL_SEARCH_CELLS = 4_000_000L;

  /** Half-width in sentences of the band searched around a coarser level's path. */
  public static final int DEFAULT_BAND = 12;

  /**
   * Half-width of the band around the path without translation in which translation similarity is
   * scored; bounds the similarity calls.
   */
  public static final int DEFAULT_TRANSLATION_BAND = 8;

  public AlignOptions {
    if (maxBeadSide < 2 || maxBeadSide > 4) {
      throw new IllegalArgumentException("maxBeadSide must be 2, 3 or 4, not " + maxBeadSide);
    }
    if (band < 2 || translationBand < 2) {
      throw new IllegalArgumentException("band widths must be at least 2");
    }
  }

  /** Every field at its {@code DEFAULT_...} value. */
  public static AlignOptions defaults() {
    return new AlignOptions(
        DEFAULT_MAX_BEAD_SIDE,
        DEFAULT_LENGTH_WEIGHT,
        DEFAULT_LONE_LENGTH_COST,
        DEFAULT_ANCHORS,
        DEFAULT_ANCHOR_MATCH_BONUS,
        DEFAULT_ANCHOR_MISS_PENALTY,
        DEFAULT_NUMBER_WEIGHT,
        DEFAULT_PUNCTUATION_PENALTY,
        DEFAULT_COGNATE_SIMILARITY,
        DEFAULT_TRANSLATION_WEIGHT,
        DEFAULT_TRANSLATION_THRESHOLD,
        DEFAULT_TRANSLATION_ANCHOR_WEIGHT,
        DEFAULT_RANDOM_PAIRS,
        DEFAULT_FULL_SEARCH_CELLS,
        DEFAULT_BAND,
        DEFAULT_TRANSLATION_BAND);
  }

  public AlignOptions withMaxBeadSide(int value) {
    return new AlignOptions(
        value,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withLengthWeight(double value) {
    return new AlignOptions(
        maxBeadSide,
        value,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withLoneLengthCost(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        value,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withAnchors(boolean value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        value,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withAnchorMatchBonus(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        value,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withAnchorMissPenalty(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        value,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withNumberWeight(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        value,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withPunctuationPenalty(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        value,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withCognateSimilarity(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        value,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withTranslationWeight(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        value,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withTranslationThreshold(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        value,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withTranslationAnchorWeight(double value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        value,
        randomPairs,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withRandomPairs(int value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        value,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withFullSearchCells(long value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        value,
        band,
        translationBand);
  }

  public AlignOptions withBand(int value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        value,
        translationBand);
  }

  public AlignOptions withTranslationBand(int value) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        loneLengthCost,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        translationAnchorWeight,
        randomPairs,
        fullSearchCells,
        band,
        value);
  }
}
