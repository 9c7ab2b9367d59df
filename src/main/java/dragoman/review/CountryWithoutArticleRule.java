package dragoman.review;

import dragoman.text.WordList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Country names that take the article in German ("in die Schweiz", "aus der Türkei", "in den USA";
 * Duden, "Ländernamen"); after a preposition without it they read as calqued English.
 */
final class CountryWithoutArticleRule extends TokenRule {
  private static final Set<String> COUNTRIES_WITH_ARTICLE =
      WordList.load("countries-with-article-de.txt");

  private static final Set<String> PLACE_PREPOSITIONS = WordList.load("place-prepositions-de.txt");

  CountryWithoutArticleRule() {
    super(
        ReviewRules.STRUCTURE,
        "country-without-article",
        Severity.MAJOR,
        "a country name that needs its article used without it",
        List.of(
            new ExamplePair(
                "Im Sommer fahren wir nach Schweiz zum Wandern.",
                "Im Sommer fahren wir in die Schweiz zum Wandern.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    if (i < 1) {
      return Optional.empty();
    }
    Token t = tokens.get(i);
    Token prev = tokens.get(i - 1);
    boolean compound = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("-");
    if (COUNTRIES_WITH_ARTICLE.contains(t.text())
        && !compound
        && PLACE_PREPOSITIONS.contains(prev.text().toLowerCase(Locale.GERMAN))) {
      return Optional.of(
          finding(
              prev.start(),
              t.end(),
              "'" + t.text() + "' takes the article in German (e.g. 'in die/der " + t.text() + "')",
              null));
    }
    return Optional.empty();
  }
}
