package dragoman.review;

import dragoman.text.Segment;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * English possessive on a German noun ("des Berges's", "Himmel's"): German marks the genitive with
 * -s and no apostrophe (Duden, Regel 16); contractions such as "geht's" are verbs.
 */
final class EnglishPossessiveRule extends RegexRule {
  private static final Pattern POSSESSIVE = Pattern.compile("\\b\\p{Lu}\\p{Ll}+['’]s\\b");

  EnglishPossessiveRule() {
    super(
        ReviewRules.SURFACE,
        "english-possessive",
        Severity.MAJOR,
        "an English possessive apostrophe on a German noun",
        List.of(
            new ExamplePair(
                "Wir bewunderten des Gipfel's steile Nordwand.",
                "Wir bewunderten die steile Nordwand des Gipfels.")),
        POSSESSIVE);
  }

  @Override
  protected Optional<Finding> found(MatchResult m, Segment segment) {
    if (m.start() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        over(
            m,
            segment,
            "English possessive apostrophe: German writes the genitive -s without it",
            m.group().replaceAll("['’]s$", "s")));
  }
}
