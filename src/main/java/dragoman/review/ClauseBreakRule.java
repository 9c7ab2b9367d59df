package dragoman.review;

import dragoman.text.WordList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A verb running into a capitalised word that is no noun ("wurden begrüßt Danach begann"): a new
 * sentence starts without punctuation. Capitalised function words are {@link
 * CapitalisedFunctionWordRule}'s.
 */
final class ClauseBreakRule extends TokenRule {
  /** Polite "Sie" and its forms are capitalised everywhere. */
  private static final Set<String> FORMAL_PRONOUNS = WordList.load("formal-pronouns-de.txt");

  /** Parts of speech that are written in lowercase mid-sentence (adjectives only before a noun). */
  private static final Set<Upos> LOWERCASE_TAGS =
      Set.of(Upos.DET, Upos.ADP, Upos.ADV, Upos.VERB, Upos.AUX);

  ClauseBreakRule() {
    super(
        ReviewRules.STRUCTURE,
        "clause-break",
        Severity.MAJOR,
        "a new sentence starts mid-sentence without punctuation",
        List.of(
            new ExamplePair(
                "Die Gäste wurden begrüßt Danach begann das Konzert im Saal.",
                "Die Gäste wurden begrüßt. Danach begann das Konzert im Saal.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    if (!Clauses.capitalisedMidSentence(tokens, i)
        || CapitalisedFunctionWordRule.isLowercaseOnly(tokens.get(i))) {
      return Optional.empty();
    }
    Token t = tokens.get(i);
    Token prev = tokens.get(i - 1);
    if (prev.isVerb()
        && prev.isWord()
        && !FORMAL_PRONOUNS.contains(t.text())
        && (LOWERCASE_TAGS.contains(t.upos())
            || t.upos() == Upos.ADJ && i + 1 < tokens.size() && isNoun(tokens.get(i + 1)))) {
      return Optional.of(
          finding(
              prev.start(),
              t.end(),
              "a verb runs into capitalised '"
                  + t.text()
                  + "': two clauses run together without punctuation",
              null));
    }
    return Optional.empty();
  }

  private static boolean isNoun(Token t) {
    return t.upos() == Upos.NOUN || t.upos() == Upos.PROPN;
  }
}
