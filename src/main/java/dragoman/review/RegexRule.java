package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that is one regular expression over the segment's text (like LanguageTool's {@code
 * RegexPatternRule}): each match is a finding unless {@link #found} passes it over.
 */
abstract class RegexRule extends ReviewRule {
  private final Pattern pattern;

  RegexRule(
      String detector,
      String id,
      Severity severity,
      String description,
      List<ExamplePair> examples,
      Pattern pattern) {
    super(detector, id, severity, description, examples);
    this.pattern = pattern;
  }

  @Override
  public final List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    Matcher m = pattern.matcher(segment.text());
    while (m.find()) {
      found(m, segment).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The finding for one match, or empty for a match that is no error.
   *
   * @param m the match, with offsets into {@code segment.text()}
   */
  protected abstract Optional<Finding> found(MatchResult m, Segment segment);

  /** A finding over the whole match, with document offsets. */
  protected final Finding over(MatchResult m, Segment segment, String message, String suggestion) {
    return finding(segment.start() + m.start(), segment.start() + m.end(), message, suggestion);
  }
}
