package dragoman.review;

import dragoman.text.Segment;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * English convention: the comma that ends a quotation goes inside the closing mark. German puts it
 * after: „…“, sagte sie (Duden, Regel K 13).
 */
final class CommaInsideQuoteRule extends RegexRule {
  private static final Pattern COMMA_INSIDE_QUOTE = Pattern.compile("[,](?:“|\")(?=\\s+\\p{Ll})");

  CommaInsideQuoteRule() {
    super(
        ReviewRules.SURFACE,
        "comma-inside-quote",
        Severity.MINOR,
        "English-style comma inside the closing quotation mark",
        List.of(
            new ExamplePair(
                "„Wir kommen morgen wieder,“ sagte die Lehrerin zu den Eltern.",
                "„Wir kommen morgen wieder“, sagte die Lehrerin zu den Eltern.")),
        COMMA_INSIDE_QUOTE);
  }

  @Override
  protected Optional<Finding> found(MatchResult m, Segment segment) {
    String quote = m.group().substring(1);
    return Optional.of(
        over(
            m,
            segment,
            "English comma placement: in German the comma follows the closing quotation mark",
            quote + ","));
  }
}
