package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole review with LanguageTool: kinds, scores, grammar findings and bad input. */
class ReviewerTest {
  private static List<SegmentReview> review(String text) {
    return Shared.reviewer().review(Shared.document(text));
  }

  @Test
  void grammarFindsNounPhraseAgreementWithOffsets() {
    String text = "Gestern kaufte sie ein teure Lampe für das Wohnzimmer.";
    SegmentReview r = review(text).get(0);
    Finding f =
        r.findings().stream()
            .filter(x -> x.detector().equals(GrammarDetector.ID))
            .findFirst()
            .orElseThrow();
    assertThat(f.rule()).startsWith("DE_AGREEMENT");
    assertThat(text.substring(f.start(), f.end())).contains("teure Lampe");
    assertThat(f.message()).startsWith("agreement error");
  }

  @Test
  void cleanSentenceHasNoGrammarFindingAndIsNotFlagged() {
    SegmentReview r = review("Gestern kaufte sie eine teure Lampe für das Wohnzimmer.").get(0);
    // translationese hints and the learned detector's whole-segment remark (weight 0 each) may
    // point at words; no rule and no learned span may find an error
    assertThat(r.findings())
        .allMatch(
            f ->
                f.detector().equals(TranslationeseDetector.ID)
                    || f.rule().equals(SpanDetector.MACHINE_LIKE));
    assertThat(r.flag()).isFalse();
    assertThat(r.kind()).isEqualTo(SegmentReview.PROSE);
  }

  @Test
  void splicedSentenceIsFlaggedAboveCleanOne() {
    SegmentReview bad =
        review("Der Rat hat gestern beschlossen Die neue Regel gilt ab sofort für alle.").get(0);
    SegmentReview good =
        review("Der Rat hat gestern beschlossen, dass die neue Regel ab sofort für alle gilt.")
            .get(0);
    assertThat(bad.flag()).isTrue();
    assertThat(bad.score()).isGreaterThan(good.score());
  }

  @Test
  void englishAndFrenchInputAreNotGerman() {
    for (String text :
        List.of(
            "The minister said on Tuesday that the new bridge would open next year.",
            "Le ministre a déclaré mardi que le nouveau pont ouvrirait l'année prochaine.")) {
      SegmentReview r = review(text).get(0);
      assertThat(r.kind()).isEqualTo(SegmentReview.NOT_GERMAN);
      assertThat(r.flag()).isFalse();
      assertThat(r.score()).isZero();
    }
  }

  @Test
  void boilerplateIsMarkedNotScored() {
    List<SegmentReview> rs = review("Von Anna Beispiel\nDie Fähre fährt ab Montag täglich.");
    assertThat(rs.get(0).kind()).isEqualTo(SegmentReview.BOILERPLATE);
    assertThat(rs.get(0).flag()).isFalse();
    assertThat(rs.get(1).kind()).isEqualTo(SegmentReview.PROSE);
  }

  @Test
  void badInputDoesNotCrash() {
    StringBuilder huge = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      huge.append(i % 7 == 0 ? "und " : "Wort ");
    }
    for (String text :
        List.of(
            "Hallo",
            huge.toString(),
            "DIE REGIERUNG HAT DIE STEUERN ERHÖHT UND DIE OPPOSITION PROTESTIERT.",
            "<p>Die <b>Regierung</b> hat die Steuern erhöht.</p>",
            "{\"de\": \"Text\"} ;;; ,,, ...")) {
      List<SegmentReview> rs = review(text);
      assertThat(rs).isNotEmpty();
      rs.forEach(r -> assertThat(r.score()).isBetween(0.0, 1.0));
    }
  }
}
