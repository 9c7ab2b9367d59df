package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed chrF cases. Per order n: precision = matches / hyp n-grams, recall = matches / ref
 * n-grams, averaged over the orders where both counts are non-zero; chrF = 100 * (1 + b^2) P R /
 * (b^2 P + R) with b = 2.
 */
class ChrfTest {
  private final Chrf chrf = new Chrf();
  private final Chrf chrfPlusPlus = new Chrf(6, 2, 2);

  @Test
  void identicalScoresHundred() {
    assertThat(chrf.sentenceScore("Der Hund bellt.", List.of("Der Hund bellt.")))
        .isCloseTo(100.0, within(1e-12));
  }

  @Test
  void averagesOnlyOrdersPresentInBoth() {
    // "ab" vs "ac": order 1 P = R = 1/2, order 2 P = R = 0 (both have one bigram), orders 3..6
    // absent from the hypothesis. P = R = 1/4, so F = 1/4.
    assertThat(chrf.sentenceScore("ab", List.of("ac"))).isCloseTo(25.0, within(1e-12));
  }

  @Test
  void recallWeighsMoreThanPrecision() {
    // "abc" vs "ab": order 1 P = 2/3, R = 1; order 2 P = 1/2, R = 1; order 3 has no reference
    // trigram, so sacreBLEU does not count the hypothesis one. P = 7/12, R = 1:
    // F = 5 * 7/12 / (4 * 7/12 + 1) = 35/40.
    assertThat(chrf.sentenceScore("abc", List.of("ab"))).isCloseTo(87.5, within(1e-12));
  }

  @Test
  void ignoresWhitespace() {
    assertThat(chrf.sentenceScore("a b", List.of("ab"))).isCloseTo(100.0, within(1e-12));
  }

  @Test
  void countsCodePointsNotUtf16Units() {
    // "😀a" vs "😀b": two characters each; order 1 P = R = 1/2, order 2 P = R = 0 -> 25.
    assertThat(chrf.sentenceScore("\uD83D\uDE00a", List.of("\uD83D\uDE00b")))
        .isCloseTo(25.0, within(1e-12));
  }

  @Test
  void emptyHypothesisScoresZero() {
    assertThat(chrf.sentenceScore("", List.of("abc"))).isEqualTo(0.0);
  }

  @Test
  void noMatchesScoreZero() {
    assertThat(chrf.sentenceScore("xyz", List.of("abc"))).isEqualTo(0.0);
  }

  @Test
  void emptyReferenceScoresZeroAndWinsTiesAsTheFirstReference() {
    // An empty reference has no n-grams: no order is effective, F = 0 (sacreBLEU 2.6.0: 0.0).
    assertThat(chrf.sentenceScore("abc", List.of(""))).isEqualTo(0.0);
    // Line 1 "xy" scores 0 against both "" and "ab"; the first reference ("") wins the tie and
    // adds nothing. Line 2 "ab" matches "ab" fully. Totals: order 1 2/2, order 2 1/1 -> 100.
    // (Had line 1 taken "ab", its reference counts would pull recall down.) sacreBLEU 2.6.0: 100.0
    assertThat(
            chrf.corpusScore(List.of("xy", "ab"), List.of(List.of("", "ab"), List.of("ab", "zz"))))
        .isCloseTo(100.0, within(1e-12));
  }

  @Test
  void hypothesisLongerThanTheReferenceLosesPrecisionOnly() {
    // "abcd" vs "ab": order 1 P = 2/4, R = 1; order 2 P = 1/3, R = 1; orders 3, 4 have no
    // reference n-grams. P = 5/12, R = 1: F = 5 * 5/12 / (4 * 5/12 + 1) = 25/32.
    assertThat(chrf.sentenceScore("abcd", List.of("ab"))).isCloseTo(100 * 25.0 / 32, within(1e-12));
  }

  @Test
  void picksTheBestReferencePerLine() {
    assertThat(chrf.sentenceScore("ab", List.of("xy", "ab"))).isCloseTo(100.0, within(1e-12));
    // Corpus level sums the best reference's statistics per line: line 1 matches ref 2 fully,
    // line 2 ("ab" vs "ac" or "xy") is best against "ac": totals order 1: P = R = 3/4,
    // order 2: P = R = 1/2 -> P = R = 5/8.
    assertThat(
            chrf.corpusScore(
                List.of("ab", "ab"), List.of(List.of("xy", "ac"), List.of("ab", "xy"))))
        .isCloseTo(62.5, within(1e-12));
  }

  @Test
  void chrfPlusPlusAddsWordUnigramsAndBigrams() {
    // "the cat" vs "the dog": characters "thecat" vs "thedog": order 1 P = R = 3/6, order 2
    // 2/5, order 3 1/4, orders 4..6 0. Words: unigrams 1/2, bigrams 0. With P = R the F is P.
    // chrF++ averages 8 orders: (0.5 + 0.4 + 0.25 + 0.5) / 8 = 0.20625.
    // chrF averages 6: (0.5 + 0.4 + 0.25) / 6.
    assertThat(chrfPlusPlus.sentenceScore("the cat", List.of("the dog")))
        .isCloseTo(20.625, within(1e-12));
    assertThat(chrf.sentenceScore("the cat", List.of("the dog")))
        .isCloseTo(100 * 1.15 / 6, within(1e-12));
  }

  @Test
  void splitsOnePunctuationMarkOffEachWord() {
    // sacreBLEU's _remove_punctuation: trailing mark first, else leading; one-char words stay.
    assertThat(Chrf.splitPunctuation("(hi) a. , ,x y"))
        .containsExactly("(hi", ")", "a", ".", ",", ",", "x", "y");
  }

  @Test
  void namesTheVariantLikeSacrebleu() {
    assertThat(chrf.name()).isEqualTo("chrF2");
    assertThat(chrfPlusPlus.name()).isEqualTo("chrF2++");
  }
}
