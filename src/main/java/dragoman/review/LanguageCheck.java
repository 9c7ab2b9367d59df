package dragoman.review;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is a text German? Counts function words of German, English and French (the stop-word method of
 * Grefenstette 1995, "Comparing two language identification schemes"): function words make up about
 * half of running text in each language and the three lists barely overlap.
 */
public final class LanguageCheck {
  /** The verdict, with the counts behind it. */
  public record Verdict(String language, int german, int english, int french) {
    public boolean notGerman() {
      return !language.equals("de") && !language.equals("unknown");
    }
  }

  /** Fewer function words than this and the text says nothing about its language. */
  static final int MIN_EVIDENCE = 3;

  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");

  public Verdict check(String text) {
    int de = 0;
    int en = 0;
    int fr = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      int apostrophe = w.indexOf('\'');
      if (apostrophe > 0 && apostrophe <= 2) {
        fr += FunctionWords.FRENCH.contains(w.substring(0, apostrophe)) ? 1 : 0;
        w = w.substring(apostrophe + 1);
      }
      if (FunctionWords.GERMAN.contains(w)) {
        de++;
      } else if (FunctionWords.ENGLISH.contains(w)) {
        en++;
      } else if (FunctionWords.FRENCH.contains(w)) {
        fr++;
      }
    }
    String language;
    if (de + en + fr < MIN_EVIDENCE) {
      language = "unknown";
    } else if (en > 2 * de && en >= fr) {
      language = "en";
    } else if (fr > 2 * de && fr > en) {
      language = "fr";
    } else {
      language = "de";
    }
    return new Verdict(language, de, en, fr);
  }
}
