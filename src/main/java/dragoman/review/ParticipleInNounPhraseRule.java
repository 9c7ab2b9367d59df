package dragoman.review;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An uninflected participle between an article and its noun ("eine erstellt neue Regel"): German
 * inflects every attributive adjective, so this is a verb left in English position.
 */
final class ParticipleInNounPhraseRule extends TokenRule {
  private static final Pattern INFLECTED = Pattern.compile("(e|en|er|es|em)$");

  ParticipleInNounPhraseRule() {
    super(
        ReviewRules.STRUCTURE,
        "participle-in-noun-phrase",
        Severity.MAJOR,
        "an uninflected participle between article and noun",
        List.of(
            new ExamplePair(
                "Die Stadt hat eine geplant neue Schule für die Kinder.",
                "Die Stadt hat eine geplante neue Schule für die Kinder."),
            new ExamplePair(
                "Der gestern veröffentlicht neue Bericht zeigt große Mängel.",
                "Der gestern veröffentlichte neue Bericht zeigt große Mängel."),
            new ExamplePair(
                "Das im Herbst eröffnet neue Museum zieht viele Besucher an.",
                "Das im Herbst eröffnete neue Museum zieht viele Besucher an.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    if (i < 1 || i + 1 >= tokens.size()) {
      return Optional.empty();
    }
    Token t = tokens.get(i);
    Token next = tokens.get(i + 1);
    // Adverbs may stand between the article and the participle ("der gestern veröffentlicht neue
    // Bericht"); the tagger calls some of them adjectives, but those have no ending. So may one
    // prepositional phrase ("die am Montag vorgestellt neue Strategie").
    int d = i - 1;
    while (d > 0 && isAdverb(tokens.get(d))) {
      d--;
    }
    d = beforePrepositionalPhrase(tokens, d);
    while (d > 0 && isAdverb(tokens.get(d))) {
      d--;
    }
    Token det = tokens.get(d);
    if (det.upos() == Upos.DET
        && !det.text().equalsIgnoreCase("dies")
        && (t.upos() == Upos.ADJ || t.upos() == Upos.VERB)
        && (t.verbForm() == Token.VerbForm.NON_FINITE || t.verbForm() == Token.VerbForm.EITHER)
        && !t.capitalised()
        && !INFLECTED.matcher(t.text()).find()
        && (next.upos() == Upos.ADJ || next.upos() == Upos.NOUN)) {
      return Optional.of(
          finding(
              t.start(),
              t.end(),
              "uninflected verb form '" + t.text() + "' inside a noun phrase",
              null));
    }
    return Optional.empty();
  }

  /**
   * The index before the prepositional phrase ending at {@code end} ("am Montag", "in der neuen
   * Halle"), or {@code end} if none ends there.
   */
  private static int beforePrepositionalPhrase(List<Token> tokens, int end) {
    int k = end;
    if (k < 1 || tokens.get(k).upos() != Upos.NOUN && tokens.get(k).upos() != Upos.PROPN) {
      return end;
    }
    k--;
    while (k > 0 && tokens.get(k).upos() == Upos.ADJ) {
      k--;
    }
    if (tokens.get(k).upos() == Upos.DET) {
      k--;
    }
    if (k < 1) {
      return end;
    }
    Upos p = tokens.get(k).upos();
    return p == Upos.ADP_DET || p == Upos.ADP ? k - 1 : end;
  }

  private static boolean isAdverb(Token t) {
    return t.upos() == Upos.ADV
        || (t.upos() == Upos.ADJ
            && t.verbForm() == Token.VerbForm.NONE
            && !INFLECTED.matcher(t.text()).find());
  }
}
