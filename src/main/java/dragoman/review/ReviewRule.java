package dragoman.review;

import dragoman.text.Segment;
import java.util.List;

/**
 * One hand-written check on German segments, in the shape of LanguageTool's {@code
 * org.languagetool.rules.Rule}: a stable id, a description for people, example pairs that a test
 * runs, and one method from a segment to its findings. A rule is fixed when it is built and keeps
 * nothing between segments. Rules are listed in {@link ReviewRules}; the detector named by {@link
 * #detector()} runs them.
 */
public abstract class ReviewRule {
  private final String detector;
  private final String id;
  private final Severity severity;
  private final String description;
  private final List<ExamplePair> examples;

  /**
   * @param detector the detector that reports it, e.g. "structure" ({@link Finding#detector()})
   * @param id stable id within the detector, e.g. "verb-second" ({@link Finding#rule()})
   * @param severity the severity of every finding
   * @param description what the rule finds, in English, for the rule catalogue
   * @param examples at least one wrong/right pair
   */
  protected ReviewRule(
      String detector,
      String id,
      Severity severity,
      String description,
      List<ExamplePair> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(id + ": a rule needs at least one example pair");
    }
    this.detector = detector;
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.examples = List.copyOf(examples);
  }

  public final String detector() {
    return detector;
  }

  public final String id() {
    return id;
  }

  /** {@code detector/id}: the key of the rule's weight ({@link ReviewModel#feature}). */
  public final String key() {
    return detector + "/" + id;
  }

  public final Severity severity() {
    return severity;
  }

  public final String description() {
    return description;
  }

  public final List<ExamplePair> examples() {
    return examples;
  }

  /**
   * What the rule finds in {@code segment}, in text order.
   *
   * @param tokens the segment's tokens, with document offsets
   */
  public abstract List<Finding> match(List<Token> tokens, Segment segment);

  /**
   * A finding of this rule.
   *
   * @param start UTF-16 offset into the document text, inclusive
   * @param end exclusive
   * @param suggestion a replacement for {@code [start, end)}, or null
   */
  protected final Finding finding(int start, int end, String message, String suggestion) {
    return new Finding(detector, id, start, end, message, suggestion, severity);
  }

  @Override
  public String toString() {
    return key();
  }
}
