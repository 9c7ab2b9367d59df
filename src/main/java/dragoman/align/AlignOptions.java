package dragoman.align;

/**
 * Every knob of the sentence aligner in one flat value, with its default in plain sight. The
 * weights were set on the Text+Berg development document (eval/align-eval), not on any test set.
 *
 * @param maxBeadSide most sentences on one side of a bead: 2 gives 1-1, 1-2, 2-1, 2-2; 3 (default)
 *     adds 1-3 and 3-1; 4 adds 1-4 and 4-1. 1-0 and 0-1 are always allowed.
 * @param lengthWeight weight of the Gale and Church (1993) length cost (default 1; the scale the
 *     other weights are measured in, nats)
 * @param anchors whether lexical anchors (numbers, cognates and names, punctuation) are scored
 *     (default true)
 * @param anchorMatchBonus cost removed for each anchor found on both sides of a bead (default 2)
 * @param anchorMissPenalty cost added for each anchor of a bead found on one side only (default 1)
 * @param numberWeight how many word anchors a number counts as (default 2: numbers rarely change in
 *     translation, words do)
 * @param punctuationPenalty cost per question mark, exclamation mark, quote, parenthesis or colon
 *     present on one side of a bead and missing on the other (default 0.3)
 * @param cognateSimilarity least Jaro-Winkler similarity (Commons Text) for two words to count as
 *     cognates or the same name (default 0.9)
 * @param translationWeight weight of the translation similarity (Bleualign) cost per sentence of a
 *     bead (default 5)
 * @param translationThreshold chrF (0..1) at which a bead's translation similarity is neutral:
 *     above it a bead is cheaper than its length cost alone, below it dearer (default 0.25)
 * @param fullSearchCells largest number of DP cells (source x target sentences) searched in full;
 *     longer documents are aligned coarse-to-fine (default 4,000,000)
 * @param band half-width in sentences of the band searched around a coarser level's path (default
 *     12)
 * @param translationBand half-width of the band around the path without translation in which
 *     translation similarity is scored; bounds the chrF calls (default 8)
 */
public record AlignOptions(
    int maxBeadSide,
    double lengthWeight,
    boolean anchors,
    double anchorMatchBonus,
    double anchorMissPenalty,
    double numberWeight,
    double punctuationPenalty,
    double cognateSimilarity,
    double translationWeight,
    double translationThreshold,
    long fullSearchCells,
    int band,
    int translationBand) {

  public AlignOptions {
    if (maxBeadSide < 2 || maxBeadSide > 4) {
      throw new IllegalArgumentException("maxBeadSide must be 2, 3 or 4, not " + maxBeadSide);
    }
    if (band < 2 || translationBand < 2) {
      throw new IllegalArgumentException("band widths must be at least 2");
    }
  }

  public static AlignOptions defaults() {
    return new AlignOptions(3, 1.0, true, 2.0, 1.0, 2.0, 0.3, 0.9, 5.0, 0.25, 4_000_000L, 12, 8);
  }

  public AlignOptions withAnchors(boolean on) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        on,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withMaxBeadSide(int max) {
    return new AlignOptions(
        max,
        lengthWeight,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withAnchorWeights(double matchBonus, double missPenalty) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        anchors,
        matchBonus,
        missPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withTranslationWeights(double weight, double threshold) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        weight,
        threshold,
        fullSearchCells,
        band,
        translationBand);
  }

  public AlignOptions withSearch(long fullCells, int bandWidth, int translationBandWidth) {
    return new AlignOptions(
        maxBeadSide,
        lengthWeight,
        anchors,
        anchorMatchBonus,
        anchorMissPenalty,
        numberWeight,
        punctuationPenalty,
        cognateSimilarity,
        translationWeight,
        translationThreshold,
        fullCells,
        bandWidth,
        translationBandWidth);
  }
}
