package dragoman.review;

/**
 * A sentence a rule must catch and its corrected form, which the rule must leave alone
 * (LanguageTool's {@code addExamplePair(incorrect, correct)}). The wrong sentence holds exactly the
 * defect the rule names; a test runs every pair through the reviewer.
 *
 * @param wrong German with the defect
 * @param right the same sentence as a native speaker would write it
 */
public record ExamplePair(String wrong, String right) {
  public ExamplePair {
    if (wrong.isBlank() || right.isBlank() || wrong.equals(right)) {
      throw new IllegalArgumentException("an example pair needs two different sentences");
    }
  }
}
