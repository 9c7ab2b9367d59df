package dragoman.review;

import dragoman.text.Segment;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** A space before a comma, full stop, semicolon, colon, question or exclamation mark. */
final class SpaceBeforePunctuationRule extends RegexRule {
  private static final Pattern SPACE_BEFORE =
      Pattern.compile(
          "(?<=[\\p{L}\\p{N}\\)])[ \\t\\u00A0]+[,.;:!?](?=[\\s\\p{Pi}\\p{Pf}\"“”»«]|$)");

  SpaceBeforePunctuationRule() {
    super(
        ReviewRules.SURFACE,
        "space-before-punctuation",
        Severity.MAJOR,
        "a space before a comma or full stop",
        List.of(
            new ExamplePair("Sie kam spät , blieb aber lange.", "Sie kam spät, blieb aber lange.")),
        SPACE_BEFORE);
  }

  @Override
  protected Optional<Finding> found(MatchResult m, Segment segment) {
    String text = segment.text();
    if (isEllipsis(text, m.end() - 1)) {
      return Optional.empty();
    }
    String mark = text.substring(m.end() - 1, m.end());
    return Optional.of(over(m, segment, "space before '" + mark + "'", mark));
  }

  /** Whether the full stop at {@code at} belongs to "...", which may follow a space. */
  private static boolean isEllipsis(String text, int at) {
    return text.charAt(at) == '.'
        && ((at + 1 < text.length() && text.charAt(at + 1) == '.')
            || (at > 0 && text.charAt(at - 1) == '.'));
  }
}
