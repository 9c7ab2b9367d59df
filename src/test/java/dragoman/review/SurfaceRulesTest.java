package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurfaceRulesTest {
  private final Detector surface = Shared.detector(ReviewRules.SURFACE);

  @Test
  void findsWordGluedToAnArticle() {
    String text = "Am Montag wollen wir gemeinsamdie Stadt besuchen.";
    List<Finding> found = Shared.run(surface, text);
    assertThat(found).extracting(Finding::rule).contains("glued-words");
    Finding f = found.stream().filter(x -> x.rule().equals("glued-words")).findFirst().get();
    assertThat(text.substring(f.start(), f.end())).isEqualTo("gemeinsamdie");
    assertThat(f.suggestion()).isEqualTo("gemeinsam die");
  }

  @Test
  void findsCamelCaseGlue() {
    assertThat(Shared.rules(surface, "Gestern kam derNachbar zu Besuch.")).contains("glued-words");
  }

  @Test
  void leavesRealCompoundsAndUnknownNamesAlone() {
    assertThat(
            Shared.rules(
                surface, "Die Bundesregierung plant eine Steuerreform mit Herrn Wojciechowski."))
        .doesNotContain("glued-words");
    assertThat(Shared.rules(surface, "Das Haustürschloss klemmte seit Tagen.")).isEmpty();
  }

  @Test
  void findsSpaceBeforeCommaAndFullStop() {
    String text = "Sie kam spät , blieb aber lange .";
    List<Finding> found = Shared.run(surface, text);
    assertThat(found)
        .extracting(Finding::rule)
        .containsExactly("space-before-punctuation", "space-before-punctuation");
    assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(" ,");
  }

  @Test
  void acceptsEllipsisAndNormalPunctuation() {
    assertThat(Shared.rules(surface, "Sie kam spät, blieb aber lange.")).isEmpty();
    assertThat(Shared.rules(surface, "Und dann ...")).isEmpty();
  }

  @Test
  void findsMissingSpaceAfterComma() {
    assertThat(Shared.rules(surface, "Wir kauften Brot,Milch und Eier."))
        .containsExactly("missing-space-after-punctuation");
    assertThat(Shared.rules(surface, "Der Preis stieg um 3,5 Prozent.")).isEmpty();
  }

  @Test
  void findsEnglishCommaInsideGermanQuote() {
    String text = "„Wir kommen morgen wieder,“ versprach die Ärztin.";
    assertThat(Shared.rules(surface, text)).containsExactly("comma-inside-quote");
    assertThat(Shared.rules(surface, "„Wir kommen morgen wieder“, versprach die Ärztin."))
        .isEmpty();
  }

  @Test
  void findsUntranslatedEnglishButNotASingleTitle() {
    assertThat(Shared.rules(surface, "Der Minister sagte, dies sei of the utmost importance."))
        .contains("untranslated-english");
    assertThat(Shared.rules(surface, "Sie las einen Artikel im „The Guardian“ über Wahlen."))
        .doesNotContain("untranslated-english");
  }

  @Test
  void findsEllipsisGapBetweenWords() {
    assertThat(Shared.rules(surface, "Das Projekt wäre billiger als … Ausgaben für Straßen."))
        .containsExactly("ellipsis-gap");
    assertThat(Shared.rules(surface, "Er zitierte: „Wir werden […] siegen.“")).isEmpty();
  }

  @Test
  void findsEnglishPossessiveApostrophe() {
    assertThat(Shared.rules(surface, "Wir bewunderten des Gipfel's steile Nordwand."))
        .containsExactly("english-possessive");
    assertThat(Shared.rules(surface, "Wie geht's dir heute?")).isEmpty();
  }

  @Test
  void acceptsPrefixCompoundsAndQuotedEnglishTitles() {
    assertThat(Shared.rules(surface, "Die Polizei setzte nichtöffentliche Mittel ein.")).isEmpty();
    assertThat(
            Shared.rules(surface, "Im Radio lief „Bridge over Troubled Water“ in Dauerschleife."))
        .isEmpty();
  }
}
