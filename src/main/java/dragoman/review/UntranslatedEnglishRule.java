package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two or more English-only function words within four tokens: an untranslated fragment. Single
 * English words (names, titles such as "The Economist") are left alone.
 */
final class UntranslatedEnglishRule extends ReviewRule {
  UntranslatedEnglishRule() {
    super(
        ReviewRules.SURFACE,
        "untranslated-english",
        Severity.MAJOR,
        "English words left untranslated",
        List.of(
            new ExamplePair(
                "Der Minister sagte, dies sei of the utmost importance.",
                "Der Minister sagte, dies sei von größter Bedeutung.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (!isEnglish(tokens.get(i))) {
        i++;
        continue;
      }
      int last = i;
      int count = 1;
      for (int j = i + 1; j < tokens.size() && j <= last + 3; j++) {
        if (isEnglish(tokens.get(j))) {
          last = j;
          count++;
        }
      }
      if (count >= 2 && !insideQuotes(tokens, i)) {
        out.add(
            finding(tokens.get(i).start(), tokens.get(last).end(), "untranslated English", null));
      }
      i = last + 1;
    }
    return out;
  }

  /** Whether an open quotation mark precedes token {@code i} (a quoted English title is fine). */
  private static boolean insideQuotes(List<Token> tokens, int i) {
    boolean open = false;
    for (int j = 0; j < i; j++) {
      String s = tokens.get(j).text();
      if (s.equals("„") || s.equals("«") || s.equals("»") && !open) {
        open = true;
      } else if (s.equals("“") || s.equals("«") || s.equals("”")) {
        open = s.equals("“") && !open;
      } else if (s.equals("\"")) {
        open = !open;
      }
    }
    return open;
  }

  private static boolean isEnglish(Token t) {
    return FunctionWords.ENGLISH.contains(t.text().toLowerCase(Locale.ROOT))
        && !FunctionWords.isGerman(t.text());
  }
}
