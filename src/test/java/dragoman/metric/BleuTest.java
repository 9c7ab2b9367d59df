package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed BLEU cases; each comment derives the expected number from sacreBLEU's definition
 * (clipped n-gram precisions p1..p4 in percent, exp smoothing 100 / (2^k * total) for the k-th
 * order without a match, BLEU = BP * (p1 p2 p3 p4)^(1/4)).
 */
class BleuTest {
  private final Bleu bleu = new Bleu();

  @Test
  void identicalSentenceScoresHundred() {
    assertThat(bleu.sentenceScore("the cat sat on the mat", List.of("the cat sat on the mat")))
        .isCloseTo(100.0, within(1e-12));
  }

  @Test
  void smoothsTheMissingFourGramsWithHalfACount() {
    // hyp "the cat sat on the mat", ref "the cat is on the mat", 6 tokens each (BP = 1):
    // 1-grams 5/6, 2-grams 3/5 (the cat, on the, the mat), 3-grams 1/4 (on the mat),
    // 4-grams 0/3 -> exp smoothing 100/(2*3). BLEU = (250/3 * 60 * 25 * 50/3)^(1/4).
    double expected = Math.pow(250.0 / 3 * 60 * 25 * 50.0 / 3, 0.25);
    Bleu.Score s =
        bleu.corpus(List.of("the cat sat on the mat"), List.of(List.of("the cat is on the mat")));
    assertThat(s.score()).isCloseTo(expected, within(1e-9));
    assertThat(s.correct()).containsExactly(5L, 3L, 1L, 0L);
    assertThat(s.total()).containsExactly(6L, 5L, 4L, 3L);
    assertThat(s.brevityPenalty()).isEqualTo(1.0);
    assertThat(expected).isCloseTo(37.99, within(0.01));
  }

  @Test
  void shortHypothesisGetsBrevityPenaltyAndSentenceLevelUsesEffectiveOrder() {
    // hyp "the cat" (2 tokens) vs ref of 6 tokens: p1 = p2 = 100, no 3- or 4-grams at all.
    // Sentence level (effective order 2): 100 * BP, BP = exp(1 - 6/2) = exp(-2).
    // Corpus level keeps order 4, log(0) is floored to -9999999999, so the score is 0.
    List<String> ref = List.of("the cat sat on the mat");
    assertThat(bleu.sentenceScore("the cat", ref)).isCloseTo(100 * Math.exp(-2), within(1e-9));
    assertThat(bleu.corpusScore(List.of("the cat"), List.of(ref))).isEqualTo(0.0);
  }

  @Test
  void emptyHypothesisScoresZero() {
    // No hypothesis tokens: sys_len 0, no match, sacreBLEU returns 0.
    assertThat(bleu.sentenceScore("", List.of("the cat"))).isEqualTo(0.0);
    assertThat(bleu.corpusScore(List.of(""), List.of(List.of("the cat")))).isEqualTo(0.0);
  }

  @Test
  void noMatchingNgramScoresZero() {
    assertThat(bleu.sentenceScore("dog", List.of("the cat"))).isEqualTo(0.0);
  }

  @Test
  void emptyReferenceCountsWithLengthZeroLikeSacrebleu() {
    // sacreBLEU 2.6 keeps empty references (issue #161). "a b c d" vs a 10-token reference alone:
    // all precisions 100, BP = exp(1 - 10/4); sacreBLEU 2.6.0 prints 22.31301601484299.
    // With an extra empty reference the closest length is 0 (4 away, not 6), so BP = 1 and the
    // score is 100 (sacreBLEU 2.6.0: 100.00000000000004).
    List<String> ten = List.of("a b c d e f g h i j");
    assertThat(bleu.sentenceScore("a b c d", ten)).isCloseTo(100 * Math.exp(-1.5), within(1e-9));
    assertThat(bleu.sentenceScore("a b c d", List.of("a b c d e f g h i j", "")))
        .isCloseTo(100.0, within(1e-9));
    // Against an empty reference only, nothing can match: 0, and no error.
    assertThat(bleu.sentenceScore("the cat", List.of(""))).isEqualTo(0.0);
    assertThat(bleu.corpus(List.of(""), List.of(List.of(""))).referenceLength()).isZero();
  }

  @Test
  void hypothesisLongerThanEveryReferenceUsesClosestLengthAndClipsAcrossReferences() {
    // hyp "the cat sat on the mat" (6) vs refs "the cat sat" (3) and "the cat" (2): closest
    // length 3 <= 6, so BP = 1. Counts clipped by the maximum over the references
    // (the:1, cat:1, sat:1): 1-grams 3/6, 2-grams 2/5, 3-grams 1/4, 4-grams 0/3 -> 100/6.
    Bleu.Score s =
        bleu.corpus(
            List.of("the cat sat on the mat"), List.of(List.of("the cat sat"), List.of("the cat")));
    assertThat(s.referenceLength()).isEqualTo(3);
    assertThat(s.brevityPenalty()).isEqualTo(1.0);
    assertThat(s.score()).isCloseTo(Math.pow(50.0 * 40 * 25 * (100.0 / 6), 0.25), within(1e-9));
  }

  @Test
  void equallyCloseReferencesPickTheShorterLength() {
    // hyp of 4 tokens, refs of 3 and 5 tokens: both 1 away, sacreBLEU takes 3, so no penalty.
    Bleu.Score s = bleu.corpus(List.of("a b c d"), List.of(List.of("a b c"), List.of("a b c d e")));
    assertThat(s.referenceLength()).isEqualTo(3);
    assertThat(s.brevityPenalty()).isEqualTo(1.0);
  }

  @Test
  void nonBreakingSpaceSeparatesTokensAsInPython() {
    // Python's str.split() treats U+00A0 as whitespace, so "a\u00a0b c d" is four tokens.
    assertThat(bleu.sentenceScore("a\u00a0b c d", List.of("a b c d")))
        .isCloseTo(100.0, within(1e-12));
  }

  @Test
  void mismatchedLineCountsAreRejected() {
    assertThatThrownBy(() -> bleu.corpusScore(List.of("a", "b"), List.of(List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 lines");
  }
}
