package dragoman.review;

import dragoman.text.Segment;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * An ellipsis between two words mid-sentence: a gap left by a failed translation. Omissions in a
 * quotation are bracketed in German ("[…]"), and a trailing ellipsis is a style choice.
 */
final class EllipsisGapRule extends RegexRule {
  private static final Pattern GAP = Pattern.compile("(?<=\\p{L}) (?:…|\\.\\.\\.) (?=\\p{L})");

  EllipsisGapRule() {
    super(
        ReviewRules.SURFACE,
        "ellipsis-gap",
        Severity.MAJOR,
        "an ellipsis where words are missing",
        List.of(
            new ExamplePair(
                "Das Projekt wäre billiger als … Ausgaben für Straßen.",
                "Das Projekt wäre billiger als die Ausgaben für Straßen.")),
        GAP);
  }

  @Override
  protected Optional<Finding> found(MatchResult m, Segment segment) {
    return Optional.of(over(m, segment, "an ellipsis between words: something was left out", null));
  }
}
