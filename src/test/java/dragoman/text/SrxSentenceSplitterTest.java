package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SrxSentenceSplitterTest {
  private static final SentenceSplitter GERMAN = new SrxSentenceSplitter(Language.GERMAN);
  private static final SentenceSplitter ENGLISH = new SrxSentenceSplitter(Language.ENGLISH);

  private static List<String> de(String text) {
    return sentences(GERMAN, text);
  }

  private static List<String> en(String text) {
    return sentences(ENGLISH, text);
  }

  private static List<String> sentences(SentenceSplitter splitter, String text) {
    return splitter.split(text, 0, text.length()).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void veryLongParagraphIsSplitAsItsSentencesAre() {
    List<String> pattern =
        List.of(
            "Am 28. Oktober kam der Zug an.",
            "Dr. Meier stieg aus, z. B. mit 1.000 Koffern.",
            "Alle warteten lange.");
    StringBuilder text = new StringBuilder();
    List<String> expected = new java.util.ArrayList<>();
    while (text.length() < 5 * SrxSentenceSplitter.MAX_PIECE) {
      for (String s : pattern) {
        expected.add(s);
        text.append(s).append(' ');
      }
    }
    assertThat(de(text.toString().strip())).isEqualTo(expected);
  }

  @Test
  void splitsAtAPlainFullStop() {
    assertThat(de("Der Zug kam an. Alle stiegen aus."))
        .containsExactly("Der Zug kam an.", "Alle stiegen aus.");
  }

  @Test
  void splitsAtQuestionAndExclamationMarks() {
    assertThat(de("Kommt er? Ja! Gut.")).containsExactly("Kommt er?", "Ja!", "Gut.");
  }

  @Test
  void splitsNotAfterOrdinalBeforeMonth() {
    assertThat(de("Sie reiste am 3. März nach Wien und blieb bis zum 17. April dort."))
        .containsExactly("Sie reiste am 3. März nach Wien und blieb bis zum 17. April dort.");
    assertThat(de("Es ist leicht, den 4. Juli zu vergessen. Niemand tut es."))
        .containsExactly("Es ist leicht, den 4. Juli zu vergessen.", "Niemand tut es.");
  }

  @Test
  void splitsNotAfterOrdinalIntroducedByAnArticle() {
    assertThat(de("Im 2. Weltkrieg lag die Stadt in Trümmern. Danach wuchs sie."))
        .containsExactly("Im 2. Weltkrieg lag die Stadt in Trümmern.", "Danach wuchs sie.");
    assertThat(de("Er gewann zum 3. Mal den Preis."))
        .containsExactly("Er gewann zum 3. Mal den Preis.");
  }

  @Test
  void splitsAfterACardinalNumberThatEndsASentence() {
    assertThat(de("Er zählte bis 10. Dann ging er los."))
        .containsExactly("Er zählte bis 10.", "Dann ging er los.");
    assertThat(de("Das geschah im Jahr 1989. Die Mauer fiel."))
        .containsExactly("Das geschah im Jahr 1989.", "Die Mauer fiel.");
  }

  @Test
  void splitsNotAfterGermanAbbreviations() {
    assertThat(de("Dr. Weber nannte z. B. drei Gründe, u. a. die Kosten. Sie stimmten zu."))
        .containsExactly(
            "Dr. Weber nannte z. B. drei Gründe, u. a. die Kosten.", "Sie stimmten zu.");
    assertThat(de("Das Gesetz Nr. 12 gilt seit Jahren. Es wird bald geändert."))
        .containsExactly("Das Gesetz Nr. 12 gilt seit Jahren.", "Es wird bald geändert.");
  }

  @Test
  void splitsNotInsideUsAbbreviation() {
    assertThat(de("Die U.S. Navy schickte Schiffe. Sie kamen spät."))
        .containsExactly("Die U.S. Navy schickte Schiffe.", "Sie kamen spät.");
    assertThat(en("The U.S. Navy sent ships. They arrived late."))
        .containsExactly("The U.S. Navy sent ships.", "They arrived late.");
  }

  @Test
  void splitsNotAfterEnglishTitlesAndMonthAbbreviations() {
    assertThat(en("Mr. Lee met Dr. Park on Nov. 3 in Seoul. They talked."))
        .containsExactly("Mr. Lee met Dr. Park on Nov. 3 in Seoul.", "They talked.");
  }

  @Test
  void splitsNotInsideNumbersWithThousandsSeparators() {
    assertThat(de("Die Strecke misst 9.300 Kilometer. Etwa 40.000 Menschen fahren sie."))
        .containsExactly("Die Strecke misst 9.300 Kilometer.", "Etwa 40.000 Menschen fahren sie.");
    assertThat(en("The line is 5,800 miles long. About 40,000 people ride it."))
        .containsExactly("The line is 5,800 miles long.", "About 40,000 people ride it.");
  }

  @Test
  void splitsAfterEllipsisOnlyBeforeANewSentence() {
    assertThat(de("Sie wartete... Dann klingelte es."))
        .containsExactly("Sie wartete...", "Dann klingelte es.");
    assertThat(de("Sie wartete … und wartete.")).containsExactly("Sie wartete … und wartete.");
  }

  @Test
  void keepsClosingGermanQuoteWithItsSentence() {
    assertThat(de("Er sagte: „Wir bleiben hier.“ Dann schwieg er."))
        .containsExactly("Er sagte: „Wir bleiben hier.“", "Dann schwieg er.");
  }

  @Test
  void splitsInsideAQuoteThatHoldsTwoSentences() {
    assertThat(de("„Das Essen ist gut. Der Wein ist besser.“ Sie lachte."))
        .containsExactly("„Das Essen ist gut.", "Der Wein ist besser.“", "Sie lachte.");
  }

  @Test
  void keepsQuoteFollowedByCommaInOneSentence() {
    assertThat(de("„Kommst du mit?“, fragte sie leise."))
        .containsExactly("„Kommst du mit?“, fragte sie leise.");
  }

  @Test
  void handlesStraightAndSingleGermanQuotes() {
    assertThat(de("Sie nannte es \"vorbei\". Er widersprach."))
        .containsExactly("Sie nannte es \"vorbei\".", "Er widersprach.");
    assertThat(de("Das Wort ‚Frieden‘ fiel nie. Niemand fragte."))
        .containsExactly("Das Wort ‚Frieden‘ fiel nie.", "Niemand fragte.");
  }

  @Test
  void splitsNotInsideATokenWithNoSpaceAfterTheMark() {
    assertThat(en("See news.asp?ArticleID=97508 for details. Then call us."))
        .containsExactly("See news.asp?ArticleID=97508 for details.", "Then call us.");
    assertThat(en("I read it on Newsfeeds.Com yesterday."))
        .containsExactly("I read it on Newsfeeds.Com yesterday.");
    assertThat(en("The part number is EY4108.H and it fits."))
        .containsExactly("The part number is EY4108.H and it fits.");
    assertThat(de("Die Seite news.asp?ArticleID=97508 ist weg. Schade!"))
        .containsExactly("Die Seite news.asp?ArticleID=97508 ist weg.", "Schade!");
  }

  @Test
  void keepsAnEmoticonWithItsSentence() {
    assertThat(en("Thanks a lot! :) See you on Monday."))
        .containsExactly("Thanks a lot! :)", "See you on Monday.");
    assertThat(en("That was great. :-) We will come again."))
        .containsExactly("That was great. :-)", "We will come again.");
    assertThat(de("Das war super! ;-) Bis morgen."))
        .containsExactly("Das war super! ;-)", "Bis morgen.");
    assertThat(en("Nice work! :)")).containsExactly("Nice work! :)");
    assertThat(de("Schade... :( Morgen wieder.")).containsExactly("Schade... :(", "Morgen wieder.");
  }

  @Test
  void findsASentenceEndBeforeTexStyleClosingQuotes() {
    assertThat(en("He said ``I will come tomorrow.'' Then he left."))
        .containsExactly("He said ``I will come tomorrow.''", "Then he left.");
    assertThat(en("``Is it true?'' She nodded.")).containsExactly("``Is it true?''", "She nodded.");
    assertThat(de("Er sagte: ``Ich komme morgen.'' Dann ging er."))
        .containsExactly("Er sagte: ``Ich komme morgen.''", "Dann ging er.");
    assertThat(de("``Ist das wahr?'' Sie nickte."))
        .containsExactly("``Ist das wahr?''", "Sie nickte.");
    assertThat(en("They called it ``the best'' in town."))
        .containsExactly("They called it ``the best'' in town.");
  }

  @Test
  void returnsOffsetsIntoTheWholeTextForARange() {
    String text = "Vorwort\nErster Satz. Zweiter Satz.";
    List<Span> spans = GERMAN.split(text, 8, text.length());
    assertThat(spans).containsExactly(new Span(8, 20), new Span(21, 34));
  }

  @Test
  void returnsNothingForWhitespace() {
    assertThat(de("   ")).isEmpty();
  }
}
