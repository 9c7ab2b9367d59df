package dragoman.align;

import dragoman.metric.Chrf;

/**
 * chrF from eval/ as the translation similarity, on [0, 1]. Character n-grams ignore whitespace, so
 * tokenised text (such as Text+Berg's) compares fairly with an untokenised machine translation.
 * beta = 1 rather than chrF2's 2: alignment has no preferred direction, so precision and recall
 * weigh the same.
 */
public final class ChrfSimilarity implements TranslationSimilarityCost.Similarity<Chrf.Profile> {
  private final Chrf chrf;

  public ChrfSimilarity() {
    this(new Chrf(Chrf.DEFAULT_CHAR_ORDER, 0, 1.0));
  }

  public ChrfSimilarity(Chrf chrf) {
    this.chrf = chrf;
  }

  @Override
  public Chrf.Profile prepare(String text) {
    return chrf.profile(text);
  }

  @Override
  public double score(Chrf.Profile hypothesis, Chrf.Profile reference) {
    return chrf.sentenceScore(hypothesis, reference) / 100.0;
  }
}
