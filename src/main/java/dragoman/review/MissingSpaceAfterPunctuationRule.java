package dragoman.review;

import dragoman.text.Segment;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** A comma or semicolon with a letter right after it ("Haus,Garten"). */
final class MissingSpaceAfterPunctuationRule extends RegexRule {
  private static final Pattern NO_SPACE_AFTER = Pattern.compile("(?<=\\p{Ll}{2})[,;](?=\\p{L}{2})");

  MissingSpaceAfterPunctuationRule() {
    super(
        ReviewRules.SURFACE,
        "missing-space-after-punctuation",
        Severity.MINOR,
        "no space after a comma or full stop",
        List.of(
            new ExamplePair(
                "Wir kauften Brot,Milch und Eier.", "Wir kauften Brot, Milch und Eier.")),
        NO_SPACE_AFTER);
  }

  @Override
  protected Optional<Finding> found(MatchResult m, Segment segment) {
    return Optional.of(over(m, segment, "no space after '" + m.group() + "'", m.group() + " "));
  }
}
