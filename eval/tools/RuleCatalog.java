import dragoman.review.GermanLexicon;
import dragoman.review.GermanVariant;
import dragoman.review.GrammarDetector;
import dragoman.review.ReviewRule;
import dragoman.review.ReviewRules;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists every rule the review registers, one "detector/id TAB severity" a line: the hand-written
 * rules (ReviewRules) and the LanguageTool rules the grammar detector runs. eval/review_general.py
 * reads it to know the rules that fired on no calibration line too.
 *
 * <p>Run: {@code java -cp "target/classes:$(cat target/runtime-classpath.txt)"
 * eval/tools/RuleCatalog.java}.
 */
public class RuleCatalog {
  public static void main(String[] args) {
    Map<String, String> rules = new TreeMap<>();
    for (ReviewRule r : ReviewRules.all(new GermanLexicon(GermanVariant.DE_DE))) {
      rules.put(r.key(), r.severity().name());
    }
    GrammarDetector.RULES.forEach((id, severity) -> rules.put(GrammarDetector.ID + "/" + id, severity.name()));
    rules.forEach((key, severity) -> System.out.println(key + "\t" + severity));
  }
}
