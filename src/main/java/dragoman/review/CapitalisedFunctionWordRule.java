package dragoman.review;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A capitalised article, preposition, conjunction or pronoun mid-sentence ("eröffnete Die neue
 * Brücke"): a sentence boundary was lost or a heading or link text was spliced in.
 */
final class CapitalisedFunctionWordRule extends TokenRule {
  CapitalisedFunctionWordRule() {
    super(
        ReviewRules.STRUCTURE,
        "capitalised-function-word",
        Severity.MAJOR,
        "a capitalised article or function word mid-sentence: text spliced in from a heading or"
            + " link",
        List.of(
            new ExamplePair(
                "Der Bürgermeister eröffnete Die neue Brücke über den Fluss.",
                "Der Bürgermeister eröffnete die neue Brücke über den Fluss.")));
  }

  /** Whether {@code t} is a word German writes in lowercase except where a sentence starts. */
  static boolean isLowercaseOnly(Token t) {
    return FunctionWords.GERMAN_LOWERCASE_ONLY.contains(t.text().toLowerCase(Locale.GERMAN));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (!Clauses.capitalisedMidSentence(tokens, i) || !isLowercaseOnly(t)) {
      return Optional.empty();
    }
    return Optional.of(
        finding(
            t.start(),
            t.end(),
            "'"
                + t.text()
                + "' capitalised mid-sentence: a sentence boundary was lost or text was spliced in",
            null));
  }
}
