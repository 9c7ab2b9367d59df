package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRulesTest {
  private final Detector structure = Shared.detector(ReviewRules.STRUCTURE);

  private List<String> rules(String text) {
    return Shared.rules(structure, text);
  }

  @Test
  void findsCapitalisedArticleMidSentence() {
    String text = "Der Bürgermeister eröffnete gestern Die neue Brücke über den Fluss.";
    List<Finding> found = Shared.run(structure, text);
    assertThat(found).extracting(Finding::rule).contains("capitalised-function-word");
    Finding f =
        found.stream().filter(x -> x.rule().equals("capitalised-function-word")).findFirst().get();
    assertThat(text.substring(f.start(), f.end())).isEqualTo("Die");
  }

  @Test
  void acceptsCapitalAfterColonAndQuote() {
    assertThat(rules("Er las die Zeitung: Die Preise steigen weiter.")).isEmpty();
    assertThat(rules("Sie las „Die Blechtrommel“ im Urlaub.")).isEmpty();
  }

  @Test
  void findsObjectAfterInfinitiveInVerbCluster() {
    assertThat(rules("Morgen wollen die Schüler besuchen das große Museum in Berlin."))
        .contains("verb-cluster-order");
    assertThat(rules("Morgen wollen die Schüler das große Museum in Berlin besuchen."))
        .doesNotContain("verb-cluster-order");
  }

  @Test
  void findsVerbNotLastInSubordinateClause() {
    assertThat(rules("Wir wissen, dass die Firma verkauft ihre alten Maschinen."))
        .contains("finite-verb-position");
    assertThat(rules("Wir wissen, dass die Firma ihre alten Maschinen verkauft."))
        .doesNotContain("finite-verb-position");
  }

  @Test
  void findsWordsAfterVerbOfRelativeClause() {
    assertThat(rules("Das ist ein Plan, der vom Rat beschlossen wurde Umsetzung der Reform."))
        .contains("finite-verb-position");
    assertThat(rules("Das ist ein Plan, der vom Rat beschlossen wurde."))
        .doesNotContain("finite-verb-position");
  }

  @Test
  void acceptsComparisonAfterSubordinateVerb() {
    assertThat(rules("Sie glaubt, dass er größer ist als sein Bruder.")).isEmpty();
  }

  @Test
  void acceptsMainClauseAfterSubordinateClause() {
    assertThat(rules("Wenn es morgen regnet, bleiben wir zu Hause.")).isEmpty();
    assertThat(rules("Weil der Zug ausfiel, nahm sie ein Taxi zum Flughafen.")).isEmpty();
  }

  @Test
  void findsUninflectedParticipleInNounPhrase() {
    assertThat(rules("Die Stadt hat eine geplant neue Schule für die Kinder."))
        .contains("participle-in-noun-phrase");
    assertThat(rules("Die Stadt hat eine geplante neue Schule für die Kinder."))
        .doesNotContain("participle-in-noun-phrase");
  }

  @Test
  void findsZuInfinitiveRunningIntoNounPhrase() {
    assertThat(rules("Er kam früher, um die Arbeit abzuschließen wichtige Briefe lagen bereit."))
        .contains("zu-infinitive-not-final");
    assertThat(rules("Er kam früher, um die Arbeit abzuschließen."))
        .doesNotContain("zu-infinitive-not-final");
  }

  @Test
  void findsCountryWithoutArticle() {
    assertThat(rules("Im Sommer fahren wir nach Schweiz zum Wandern."))
        .contains("country-without-article");
    assertThat(rules("Im Sommer fahren wir in die Schweiz zum Wandern."))
        .doesNotContain("country-without-article");
  }

  @Test
  void findsVerbRunningIntoCapitalisedAdverb() {
    assertThat(rules("Die Gäste wurden begrüßt Danach begann das Konzert im Saal."))
        .contains("clause-break");
    assertThat(rules("Die Gäste wurden begrüßt. Danach begann das Konzert im Saal."))
        .doesNotContain("clause-break");
  }

  @Test
  void findsTwoFiniteVerbsSideBySide() {
    assertThat(rules("Das Haus war brannte bis auf die Grundmauern nieder."))
        .contains("two-finite-verbs");
    assertThat(rules("Das Haus brannte bis auf die Grundmauern nieder."))
        .doesNotContain("two-finite-verbs");
  }

  @Test
  void findsSubjectBeforeVerbAfterOpeningAdverb() {
    assertThat(rules("Danach die Mannschaft fuhr mit dem Bus ins Hotel.")).contains("verb-second");
    assertThat(rules("Danach fuhr die Mannschaft mit dem Bus ins Hotel."))
        .doesNotContain("verb-second");
    assertThat(rules("Auch die Trainer fuhren mit dem Bus ins Hotel."))
        .doesNotContain("verb-second");
  }

  @Test
  void acceptsPoliteSieAfterVerbAndAdverbBeforeAdjective() {
    assertThat(rules("Morgen bringen Sie bitte die Unterlagen mit.")).isEmpty();
    assertThat(rules("Die Forscher arbeiten in einem streng geheimen Labor am Stadtrand."))
        .isEmpty();
  }

  @Test
  void findsVerbNotLastInTemporalAlsClauseAcrossRelativeClause() {
    assertThat(
            rules(
                "Die Kurse fielen, gerade als die Bank, die das Haus besaß, diesen Schritt"
                    + " verkündete den Anlegern."))
        .contains("finite-verb-position");
    assertThat(
            rules(
                "Die Kurse fielen, gerade als die Bank, die das Haus besaß, diesen Schritt den"
                    + " Anlegern verkündete."))
        .doesNotContain("finite-verb-position");
  }

  @Test
  void hyphenInsideWordDoesNotEndTheClause() {
    assertThat(
            rules(
                "Sie gingen, gerade als die Firma, die im EU-Binnenmarkt tätig war, diese Nachricht"
                    + " verbreitete unter den Kunden."))
        .contains("finite-verb-position");
  }

  @Test
  void findsSecondVerbThatDoesNotAgreeWithTheFirst() {
    assertThat(rules("Der Bürgermeister eröffnete die neue Brücke und lobten die Bauarbeiter."))
        .contains("coordinated-verb-agreement");
    assertThat(rules("Die neuen Regeln gelten ab Januar und betrifft vor allem kleine Betriebe."))
        .contains("coordinated-verb-agreement");
  }

  @Test
  void acceptsCoordinatedInfinitivesNewSubjectsAndClausesAfterAComma() {
    // infinitives after a modal; "lachen" could be an infinitive; a new subject after "und"
    assertThat(rules("Sie will heute essen und trinkt nichts."))
        .doesNotContain("coordinated-verb-agreement");
    assertThat(rules("Die Kinder spielen im Garten und lachen laut.")).isEmpty();
    assertThat(rules("Die Preise steigen und die Löhne sinken.")).isEmpty();
    // after the comma "und" continues the main clause, not the subordinate one
    assertThat(
            rules("Die Regierung hofft, dass die Preise sinken, und rechnet mit einem Aufschwung."))
        .doesNotContain("coordinated-verb-agreement");
    assertThat(rules("Er sah die Kinder spielen und lachte."))
        .doesNotContain("coordinated-verb-agreement");
  }

  @Test
  void findsInfinitiveTheTaggerReadsAsAdjectiveAndOneBeforeAPreposition() {
    assertThat(rules("Die Regierung wird verabschieden das Gesetz im nächsten Jahr."))
        .contains("verb-cluster-order");
    assertThat(rules("Der Konzern muss zahlen an die Kunden eine Entschädigung."))
        .contains("verb-cluster-order");
    // a participle before a prepositional phrase is an afterthought German allows
    assertThat(rules("Der Maler wurde geboren in einem kleinen Dorf."))
        .doesNotContain("verb-cluster-order");
  }

  @Test
  void findsNounSubjectWhoseVerbHasTheOtherNumber() {
    assertThat(rules("Die Behörden prüft den Antrag seit mehreren Wochen."))
        .contains("subject-verb-agreement");
    assertThat(rules("Der Minister besuchen morgen die Hauptstadt."))
        .contains("subject-verb-agreement");
  }

  @Test
  void findsASecondMainClauseRunOnWithoutPunctuation() {
    assertThat(rules("Der Zug hatte Verspätung die Fahrgäste mussten lange warten."))
        .contains("run-on-sentence");
    // a verb that may be an infinitive is finite when the first clause needs no infinitive
    assertThat(rules("Die Mieten steigen seit Jahren viele Familien ziehen deshalb weg."))
        .contains("run-on-sentence");
    // the second clause may open with its object, the subject after the verb
    assertThat(rules("Der Minister eröffnete die Brücke den Bau hatte die Stadt lange geplant."))
        .contains("run-on-sentence");
    assertThat(rules("Der Minister eröffnete die Brücke, den Bau hatte die Stadt lange geplant."))
        .doesNotContain("run-on-sentence");
    assertThat(rules("Die Stadt hat den Bau der Brücke lange geplant."))
        .doesNotContain("run-on-sentence");
    // or with a prepositional phrase, the subject pronoun after the verb
    assertThat(rules("Die Sitzung dauerte bis in den Abend am Ende stand sie ohne Ergebnis da."))
        .contains("run-on-sentence");
    // a prepositional attribute of the noun before it opens no clause
    assertThat(rules("Der Sultan bin Said von Oman nutzte diese Gelegenheit."))
        .doesNotContain("run-on-sentence");
    // "sein" may agree with its plural predicate rather than its singular subject
    assertThat(rules("Die Straße bleibt bis Freitag gesperrt der Grund sind Reparaturen."))
        .contains("run-on-sentence");
  }

  @Test
  void acceptsOneClauseWithItsObjectsAndVerbClusters() {
    for (String clean :
        List.of(
            "Er wollte gestern die Kinder sehen.",
            "Sie haben im Garten die Kinder spielen sehen.",
            "Gestern sagte der Chef der Firma, die Lage sei ernst.",
            "Die Kinder spielten im Garten und die Eltern tranken Kaffee.",
            "Der Vorstand hat die Pläne gebilligt, die Aktionäre müssen noch zustimmen.",
            "Am Montag gab der Minister dem Verband die Zusage.",
            "Er kennt die Stadt besser als die meisten Einwohner wissen.")) {
      assertThat(rules(clean)).as(clean).doesNotContain("run-on-sentence");
    }
  }

  @Test
  void findsAnInfinitiveClauseThatLostUmZu() {
    assertThat(rules("Der Minister reiste nach Paris treffen seinen Kollegen."))
        .contains("bare-infinitive-clause");
    assertThat(rules("Die Firma baut ein Werk, um die Nachfrage decken."))
        .contains("infinitive-clause-without-zu");
    assertThat(rules("Der Minister reiste nach Wien, dort mit seinem Kollegen über Gas sprechen."))
        .contains("infinitive-clause-after-comma");
    // a past form with no participle reading stays the verb before its object's adjective
    assertThat(rules("Der Verein mietete neue Räume feiern seine Jubiläen."))
        .contains("bare-infinitive-clause");
  }

  @Test
  void acceptsZuInfinitivesRelativeClausesAndModalsBeforeTheComma() {
    for (String clean :
        List.of(
            "Er versuchte, die Zwietracht herunterzuspielen.",
            "Er versuchte, die Sache zu erklären.",
            "Sie ähneln Zimbeln, die aufeinanderprallen.",
            "Er will nach Wien fahren, dort seinen Kollegen treffen.",
            "Er fragte, wo sie wohnen.",
            "Sie ging nach Hause, die Kinder abholen.",
            "Es gibt Berichte von Patienten, die Plasma in einer Studie erhalten haben.")) {
      assertThat(rules(clean)).as(clean).doesNotContain("infinitive-clause-after-comma");
    }
  }

  @Test
  void acceptsVerbsThatTakeABareInfinitiveAndRelativeClausesWithUm() {
    for (String clean :
        List.of(
            "Die Kinder gingen am Nachmittag einkaufen.",
            "Der Lehrer ließ die Schüler warten.",
            "Er legte sich früh schlafen.",
            "Die Firma baut ein Werk, um die Nachfrage zu decken.",
            "Die Firma baut ein Werk, um die Nachfrage besser zu decken.",
            "Die Kinder, um die sich alle kümmern, sind gesund.",
            "Sie gingen, ohne sich zu verabschieden.",
            "Er kam, um zurückzukehren.",
            "Auch die von der Familie errichteten Stiftungen bieten keine Garantie.")) {
      assertThat(rules(clean))
          .as(clean)
          .doesNotContain("bare-infinitive-clause", "infinitive-clause-without-zu");
    }
  }

  @Test
  void findsTheDisagreementAcrossGenitiveAndPrepositionalAttributes() {
    assertThat(rules("Die Behörden des Landes prüft den Antrag seit Wochen."))
        .contains("subject-verb-agreement");
    assertThat(rules("Die Kosten für den neuen Flughafen steigt seit Jahren."))
        .contains("subject-verb-agreement");
    assertThat(rules("Der Leiter der Schule im Nachbarort besuchen morgen die Klasse."))
        .contains("subject-verb-agreement");
    // the head noun decides, not the attribute's noun next to the verb
    assertThat(rules("Die Zahl der Toten ist weiter gestiegen."))
        .doesNotContain("subject-verb-agreement");
    assertThat(rules("Die Sprecher der Regierung erklärten den Plan am Montag."))
        .doesNotContain("subject-verb-agreement");
    assertThat(rules("Der Streit um die Renten beschäftigt die Koalition."))
        .doesNotContain("subject-verb-agreement");
    // a determiner of quantity after the attribute's article
    assertThat(rules("Die Gespräche zwischen den beiden Ländern dauert seit Jahren an."))
        .contains("subject-verb-agreement");
  }

  @Test
  void leavesSenseAgreementAndCoordinatedSubjectsAlone() {
    // Duden accepts a plural verb after a quantity noun with a plural attribute
    assertThat(rules("Eine Reihe von Experten warnen vor den Folgen."))
        .doesNotContain("subject-verb-agreement");
    // "Der Vater von Anna und Peter" may be two subjects
    assertThat(rules("Der Vater von Anna und Peter kamen zu spät."))
        .doesNotContain("subject-verb-agreement");
  }

  @Test
  void findsAnInflectedAdjectiveLeftAfterTheVerbThatEndsTheSentence() {
    assertThat(rules("Der Bauer pflanzt Hecken, um die Felder zu schützen dichte und hohe."))
        .contains("dangling-adjective");
    assertThat(rules("Die Firma hat neue Maschinen gekauft moderne."))
        .contains("dangling-adjective");
    // an apposition after a comma, a copula's elided noun, an uninflected adjective
    assertThat(rules("Ich habe viele Bücher gelesen, gute und schlechte."))
        .doesNotContain("dangling-adjective");
    assertThat(rules("Die Äpfel im Korb waren rote.")).doesNotContain("dangling-adjective");
    assertThat(rules("Er versprach, die Steuern zu senken, schnell und gerecht."))
        .doesNotContain("dangling-adjective");
  }

  @Test
  void aReflexiveOrObjectPronounAfterTheVerbIsNoSubject() {
    assertThat(rules("Die Familien bedankt sich bei den vielen Helfern."))
        .contains("subject-verb-agreement");
    // the subject may still follow the pronoun: the opening phrase is then an object
    assertThat(rules("Die Bücher hat mir gestern mein Vater geschenkt."))
        .doesNotContain("subject-verb-agreement");
    assertThat(rules("Die Familien bedanken sich bei den vielen Helfern."))
        .doesNotContain("subject-verb-agreement");
  }

  @Test
  void acceptsObjectFirstSentencesAndAgreeingSubjects() {
    // the subject follows the verb: the opening phrase is an object
    assertThat(rules("Die Kinder sieht er jeden Tag.")).doesNotContain("subject-verb-agreement");
    assertThat(rules("Die Eltern freut das sehr.")).doesNotContain("subject-verb-agreement");
    assertThat(rules("Das Auto waschen ist teuer.")).doesNotContain("subject-verb-agreement");
    assertThat(rules("Die Behörden prüfen den Antrag seit mehreren Wochen.")).isEmpty();
    // a nominalised adjective after a plural determiner is plural, whatever the lexicon lists
    assertThat(rules("Viele Reisende verpassten ihren Anschluss."))
        .doesNotContain("subject-verb-agreement");
    assertThat(rules("Einige Angestellte verloren ihre Arbeit."))
        .doesNotContain("subject-verb-agreement");
    // a dative plural cannot be the subject at all
    assertThat(rules("Den Kindern gefällt der neue Spielplatz."))
        .doesNotContain("subject-verb-agreement");
  }

  @Test
  void findsSecondVerbThatCouldBeAnInfinitiveOnlyWhenTheFirstConjunctHasNone() {
    assertThat(rules("Die Gewerkschaft forderte höhere Löhne und drohen mit Streiks."))
        .contains("coordinated-verb-agreement");
    assertThat(rules("Die Gewerkschaft wollte höhere Löhne fordern und drohen."))
        .doesNotContain("coordinated-verb-agreement");
  }

  @Test
  void findsParticipleAfterAnAdverbInNounPhrase() {
    assertThat(rules("Der gestern veröffentlicht neue Bericht zeigt große Mängel."))
        .contains("participle-in-noun-phrase");
    assertThat(rules("Der gestern veröffentlichte neue Bericht zeigt große Mängel."))
        .doesNotContain("participle-in-noun-phrase");
  }

  @Test
  void aNounTheTaggerReadsAsVerbIsNotAFiniteVerbBeforeAnother() {
    assertThat(rules("Der Zug hatte Verspätung. Die Fahrgäste mussten lange warten."))
        .doesNotContain("two-finite-verbs");
  }

  @Test
  void aZuInfinitiveIsNotTheFirstOfTwoCoordinatedVerbs() {
    assertThat(rules("Er versprach, pünktlich zu kommen und brachte Blumen mit."))
        .doesNotContain("coordinated-verb-agreement");
    assertThat(rules("Er versprach, pünktlich zu kommen, und brachten Blumen mit."))
        .doesNotContain("coordinated-verb-agreement");
  }

  @Test
  void aWordThatIsAlsoAnAdverbIsNotASecondFiniteVerb() {
    // "lange" is an adverb here, and also a form of "langen"; the tagger may call it ADJ
    assertThat(rules("Die Fahrgäste mussten lange warten.")).doesNotContain("two-finite-verbs");
    assertThat(rules("Die Kinder durften lange aufbleiben.")).doesNotContain("two-finite-verbs");
  }
}
