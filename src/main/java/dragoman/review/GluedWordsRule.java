package dragoman.review;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A token that is no word but splits into a word and a function word ("habeneine"). */
final class GluedWordsRule extends TokenRule {
  private static final int MIN_GLUED_PART = 3;

  private final GermanLexicon lexicon;

  GluedWordsRule(GermanLexicon lexicon) {
    super(
        ReviewRules.SURFACE,
        "glued-words",
        Severity.MAJOR,
        "two words written together without a space",
        List.of(
            new ExamplePair(
                "Gestern kam derNachbar zu Besuch.", "Gestern kam der Nachbar zu Besuch.")));
    this.lexicon = lexicon;
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int index) {
    Token t = tokens.get(index);
    String w = t.text();
    if (w.length() < 2 * MIN_GLUED_PART || !w.chars().allMatch(Character::isLetter)) {
      return Optional.empty();
    }
    if (w.chars().allMatch(Character::isUpperCase) || lexicon.knows(w)) {
      return Optional.empty();
    }
    boolean lowercase = Character.isLowerCase(w.charAt(0));
    for (int i = MIN_GLUED_PART; i <= w.length() - MIN_GLUED_PART; i++) {
      String left = w.substring(0, i);
      String right = w.substring(i);
      boolean camel = Character.isLowerCase(w.charAt(i - 1)) && Character.isUpperCase(w.charAt(i));
      // Prepositions and particles start many real compounds ("nichtöffentlich", "Aufstand"), and
      // capitalised words are names or nouns: only articles, pronouns, auxiliaries and
      // conjunctions glued to a lowercase word count.
      boolean function =
          lowercase
              && (FunctionWords.GLUEABLE.contains(left.toLowerCase(Locale.GERMAN))
                  || FunctionWords.GLUEABLE.contains(right.toLowerCase(Locale.GERMAN)));
      if ((camel || function) && lexicon.knows(left) && lexicon.knows(right)) {
        return Optional.of(
            finding(
                t.start(),
                t.end(),
                "'" + w + "' is not a word: '" + left + "' and '" + right + "' glued together",
                left + " " + right));
      }
    }
    return Optional.empty();
  }
}
