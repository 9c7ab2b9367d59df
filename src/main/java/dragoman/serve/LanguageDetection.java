package dragoman.serve;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dragoman.review.LanguageCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /detect} and {@code source=auto}: LibreTranslate's answer shape, a list of {@code
 * {"confidence", "language"}} best first (confidence 0 to 100), over the languages this server
 * knows (German and English), from the function-word counts of {@link LanguageCheck}.
 */
final class LanguageDetection {
  @JsonPropertyOrder({"confidence", "language"})
  record Candidate(double confidence, String language) {}

  private final LanguageCheck check = new LanguageCheck();

  List<Candidate> detect(String text) {
    LanguageCheck.Verdict v = check.check(text);
    int total = v.german() + v.english() + v.french();
    List<Candidate> out = new ArrayList<>();
    out.add(new Candidate(percent(v.german(), total), "de"));
    out.add(new Candidate(percent(v.english(), total), "en"));
    // Best first; on a tie (no evidence at all) German, the only source language served.
    out.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return out;
  }

  private static double percent(int n, int total) {
    return total == 0 ? 0.0 : Math.round(1000.0 * n / total) / 10.0;
  }
}
