package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;

/** Where the rules read the lexicon's word class instead of the tagger's. */
class GermanAnalyzerTest {
  private static AnalyzedTokenReadings readings(String word, String... tags) {
    List<AnalyzedToken> list =
        java.util.Arrays.stream(tags).map(t -> new AnalyzedToken(word, t, word)).toList();
    return new AnalyzedTokenReadings(list, 0);
  }

  @Test
  void aTagNoReadingOfTheWordHasGivesWayToTheLexiconsOneClass() {
    assertThat(GermanAnalyzer.corrected(Upos.VERB, "gestern", readings("gestern", "ADV:TEMP")))
        .isEqualTo(Upos.ADV);
    assertThat(
            GermanAnalyzer.corrected(
                Upos.PROPN,
                "neues",
                readings("neues", "ADJ:NOM:SIN:NEU:GRU:IND", "ADJ:AKK:SIN:NEU:GRU:IND")))
        .isEqualTo(Upos.ADJ);
    assertThat(
            GermanAnalyzer.corrected(
                Upos.PROPN,
                "meldete",
                readings("meldete", "VER:1:SIN:PRT:SFT", "VER:3:SIN:PRT:SFT")))
        .isEqualTo(Upos.VERB);
    assertThat(
            GermanAnalyzer.corrected(
                Upos.ADJ, "mussten", readings("mussten", "VER:MOD:3:PLU:PRT", "VER:MOD:1:PLU:PRT")))
        .isEqualTo(Upos.AUX);
  }

  @Test
  void aClosedClassTagNoReadingSupportsGivesWayAndAParticipleReadsAsAVerb() {
    assertThat(GermanAnalyzer.corrected(Upos.ADP, "vorlegen", readings("vorlegen", "VER:INF:SFT")))
        .isEqualTo(Upos.VERB);
    assertThat(GermanAnalyzer.corrected(Upos.CCONJ, "gestern", readings("gestern", "ADV:TEMP")))
        .isEqualTo(Upos.ADV);
    assertThat(
            GermanAnalyzer.corrected(
                Upos.ADP,
                "ausverkauft",
                readings("ausverkauft", "PA2:PRD:GRU:VER", "VER:PA2:SFT", "VER:3:SIN:PRÄ:SFT")))
        .isEqualTo(Upos.VERB);
    // an open-class tag is not moved by the participle's mixed readings
    assertThat(
            GermanAnalyzer.corrected(
                Upos.ADJ, "geplant", readings("geplant", "PA2:PRD:GRU:VER", "VER:PA2:SFT")))
        .isEqualTo(Upos.ADJ);
  }

  @Test
  void theTaggerStandsWhereTheLexiconAllowsItOrIsUnsure() {
    // an adjective used as an adverb, a word of two classes, an unknown word
    assertThat(GermanAnalyzer.corrected(Upos.ADV, "schnell", readings("schnell", "ADJ:PRD:GRU")))
        .isEqualTo(Upos.ADV);
    assertThat(
            GermanAnalyzer.corrected(
                Upos.ADJ, "lange", readings("lange", "ADJ:NOM:SIN:FEM:GRU:DEF", "ADV:TMP")))
        .isEqualTo(Upos.ADJ);
    assertThat(GermanAnalyzer.corrected(Upos.NOUN, "xqz", readings("xqz", (String) null)))
        .isEqualTo(Upos.NOUN);
    // a capitalised word may be a nominalisation the lexicon lists under its adjective
    assertThat(GermanAnalyzer.corrected(Upos.NOUN, "Neues", readings("Neues", "ADJ:NOM:SIN:NEU")))
        .isEqualTo(Upos.NOUN);
    // a closed-class tag stands when some reading supports it, or for a capitalised word
    assertThat(GermanAnalyzer.corrected(Upos.ADP, "auf", readings("auf", "PRP:LOK+DAT", "ADV")))
        .isEqualTo(Upos.ADP);
    assertThat(GermanAnalyzer.corrected(Upos.ADP, "Vorlegen", readings("Vorlegen", "VER:INF:SFT")))
        .isEqualTo(Upos.ADP);
  }

  @Test
  void theRulesReadTheCorrectionAndTheSpanDetectorTheTaggersOwnTag() {
    String text = "Ein gestern eröffnet neues Café zieht viele Gäste an.";
    List<Token> tokens = new GermanAnalyzer(GermanVariant.DE_DE).analyze(text, 0);
    assertThat(tokens.get(1).text()).isEqualTo("gestern");
    assertThat(tokens.get(1).upos()).isEqualTo(Upos.ADV);
    // the two tags differ here, so the check below tells which one the detector gets
    assertThat(tokens.get(1).taggerUpos()).isNotEqualTo(Upos.ADV);
    // the detector was trained on OpenNLP's tags: its input must not move with the correction
    int[] classes = PartOfSpeechClasses.of(text, 0, tokens);
    for (Token t : tokens) {
      int index = PartOfSpeechClasses.TAGS.indexOf(t.taggerUpos());
      int expected =
          index < 0 ? PartOfSpeechClasses.CONTRACTION : PartOfSpeechClasses.FIRST_TAG + index;
      assertThat(classes[t.start()]).as(t.text()).isEqualTo(expected);
    }
  }
}
