package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sentences chosen to exercise the 13a regular expressions, Python's idea of whitespace (U+00A0,
 * U+2009, U+3000), code points outside the BMP, entities and chrF++'s punctuation split. Expected
 * values were printed by sacreBLEU 2.6.0 (Python API: BLEU(effective_order=True).sentence_score,
 * CHRF().sentence_score, CHRF(word_order=2).sentence_score, and corpus_score with defaults).
 */
class SacrebleuReferenceValuesTest {
  private static final double EPS = 1e-9;

  record Case(String hyp, List<String> refs, double bleu, double chrf, double chrfPlusPlus) {}

  static final List<Case> CASES =
      List.of(
          new Case(
              "It costs $3.50, ok?",
              List.of("It costs $ 3.50, OK?", "The price is $3.50."),
              64.34588841607616,
              78.4536297036297,
              68.38188238329062),
          new Case("a\u00a0b\u2009c \u3000d", List.of("a b c d"), 100.00000000000004, 100.0, 100.0),
          new Case(
              "Stra\u00dfe \uD83D\uDE00 \u00abZitat\u00bb",
              List.of("Strasse \uD83D\uDE00 \u201eZitat\u201c"),
              27.516060407455225,
              34.3404185850879,
              29.92516198836117),
          new Case(
              "&quot;Hi&quot; &amp; <skipped>bye 1-2",
              List.of("\"Hi\" & bye 1 - 2"),
              100.00000000000004,
              29.90482442152791,
              22.428618316145933),
          new Case(
              "(hi) well-known... U.S. 10,000",
              List.of("hi well known U.S. 10.000"),
              22.416933501922287,
              44.735997145404916,
              39.998781302637184),
          new Case("", List.of("something"), 0.0, 0.0, 0.0));

  @Test
  void sentenceScoresMatchSacrebleu() {
    Bleu bleu = new Bleu();
    Chrf chrf = new Chrf();
    Chrf chrfPlusPlus = new Chrf(6, 2, 2);
    for (Case c : CASES) {
      assertThat(bleu.sentenceScore(c.hyp(), c.refs()))
          .as("BLEU %s", c.hyp())
          .isCloseTo(c.bleu(), within(EPS));
      assertThat(chrf.sentenceScore(c.hyp(), c.refs()))
          .as("chrF %s", c.hyp())
          .isCloseTo(c.chrf(), within(EPS));
      assertThat(chrfPlusPlus.sentenceScore(c.hyp(), c.refs()))
          .as("chrF++ %s", c.hyp())
          .isCloseTo(c.chrfPlusPlus(), within(EPS));
    }
  }

  @Test
  void corpusScoresOverFirstReferencesMatchSacrebleu() {
    List<String> hyps = CASES.stream().map(Case::hyp).toList();
    List<List<String>> refs = List.of(CASES.stream().map(c -> c.refs().get(0)).toList());
    assertThat(new Bleu().corpusScore(hyps, refs)).isCloseTo(57.08224783471998, within(EPS));
    assertThat(new Chrf().corpusScore(hyps, refs)).isCloseTo(43.85780655344254, within(EPS));
    assertThat(new Chrf(6, 2, 2).corpusScore(hyps, refs))
        .isCloseTo(40.787135297589764, within(EPS));
  }
}
