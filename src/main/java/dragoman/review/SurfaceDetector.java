package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors visible in the letters and spaces: words glued together, spaces around punctuation, an
 * English comma inside a German closing quote, and untranslated English.
 */
public final class SurfaceDetector implements Detector {
  public static final String ID = "surface";

  /** A space before a comma, full stop, semicolon, colon, question or exclamation mark. */
  private static final Pattern SPACE_BEFORE =
      Pattern.compile(
          "(?<=[\\p{L}\\p{N}\\)])[ \\t\\u00A0]+[,.;:!?](?=[\\s\\p{Pi}\\p{Pf}\"“”»«]|$)");

  /** A comma or semicolon with a letter right after it ("Haus,Garten"). */
  private static final Pattern NO_SPACE_AFTER = Pattern.compile("(?<=\\p{Ll}{2})[,;](?=\\p{L}{2})");

  /**
   * English convention: the comma that ends a quotation goes inside the closing mark. German puts
   * it after: „…“, sagte sie (Duden, Regel K 13).
   */
  private static final Pattern COMMA_INSIDE_QUOTE = Pattern.compile("[,](?:“|\")(?=\\s+\\p{Ll})");

  /**
   * An ellipsis between two words mid-sentence: a gap left by a failed translation. Omissions in a
   * quotation are bracketed in German ("[…]"), and a trailing ellipsis is a style choice.
   */
  private static final Pattern GAP = Pattern.compile("(?<=\\p{L}) (?:…|\\.\\.\\.) (?=\\p{L})");

  /**
   * English possessive on a German noun ("des Berges's", "Himmel's"): German marks the genitive
   * with -s and no apostrophe (Duden, Regel 16); contractions such as "geht's" are verbs.
   */
  private static final Pattern POSSESSIVE = Pattern.compile("\\b\\p{Lu}\\p{Ll}+['’]s\\b");

  private static final int MIN_GLUED_PART = 3;

  private final GermanLexicon lexicon;

  public SurfaceDetector(GermanLexicon lexicon) {
    this.lexicon = lexicon;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    List<Finding> out = new ArrayList<>();
    String text = segment.text();
    int base = segment.start();
    Matcher m = SPACE_BEFORE.matcher(text);
    while (m.find()) {
      if (isEllipsis(text, m.end() - 1)) {
        continue;
      }
      String mark = text.substring(m.end() - 1, m.end());
      out.add(
          new Finding(
              ID,
              "space-before-punctuation",
              base + m.start(),
              base + m.end(),
              "space before '" + mark + "'",
              mark,
              Severity.MAJOR));
    }
    m = NO_SPACE_AFTER.matcher(text);
    while (m.find()) {
      out.add(
          new Finding(
              ID,
              "missing-space-after-punctuation",
              base + m.start(),
              base + m.end(),
              "no space after '" + m.group() + "'",
              m.group() + " ",
              Severity.MINOR));
    }
    m = COMMA_INSIDE_QUOTE.matcher(text);
    while (m.find()) {
      String quote = text.substring(m.start() + 1, m.end());
      out.add(
          new Finding(
              ID,
              "comma-inside-quote",
              base + m.start(),
              base + m.end(),
              "English comma placement: in German the comma follows the closing quotation mark",
              quote + ",",
              Severity.MINOR));
    }
    m = POSSESSIVE.matcher(text);
    while (m.find()) {
      if (m.start() == 0) {
        continue;
      }
      out.add(
          new Finding(
              ID,
              "english-possessive",
              base + m.start(),
              base + m.end(),
              "English possessive apostrophe: German writes the genitive -s without it",
              m.group().replaceAll("['’]s$", "s"),
              Severity.MAJOR));
    }
    m = GAP.matcher(text);
    while (m.find()) {
      out.add(
          new Finding(
              ID,
              "ellipsis-gap",
              base + m.start(),
              base + m.end(),
              "an ellipsis between words: something was left out",
              null,
              Severity.MAJOR));
    }
    List<Token> tokens = context.tokens(segment);
    for (Token t : tokens) {
      glued(t).ifPresent(out::add);
    }
    out.addAll(english(tokens));
    return out;
  }

  private static boolean isEllipsis(String text, int at) {
    return text.charAt(at) == '.'
        && ((at + 1 < text.length() && text.charAt(at + 1) == '.')
            || (at > 0 && text.charAt(at - 1) == '.'));
  }

  /** A token that is no word but splits into a word and a function word ("habeneine"). */
  java.util.Optional<Finding> glued(Token t) {
    String w = t.text();
    if (w.length() < 2 * MIN_GLUED_PART || !w.chars().allMatch(Character::isLetter)) {
      return java.util.Optional.empty();
    }
    if (w.chars().allMatch(Character::isUpperCase) || lexicon.knows(w)) {
      return java.util.Optional.empty();
    }
    boolean lowercase = Character.isLowerCase(w.charAt(0));
    for (int i = MIN_GLUED_PART; i <= w.length() - MIN_GLUED_PART; i++) {
      String left = w.substring(0, i);
      String right = w.substring(i);
      boolean camel = Character.isLowerCase(w.charAt(i - 1)) && Character.isUpperCase(w.charAt(i));
      // Prepositions and particles start many real compounds ("nichtöffentlich", "Aufstand"), and
      // capitalised words are names or nouns: only articles, pronouns, auxiliaries and
      // conjunctions glued to a lowercase word count.
      boolean function =
          lowercase
              && (FunctionWords.GLUEABLE.contains(left.toLowerCase(Locale.GERMAN))
                  || FunctionWords.GLUEABLE.contains(right.toLowerCase(Locale.GERMAN)));
      if ((camel || function) && lexicon.knows(left) && lexicon.knows(right)) {
        return java.util.Optional.of(
            new Finding(
                ID,
                "glued-words",
                t.start(),
                t.end(),
                "'" + w + "' is not a word: '" + left + "' and '" + right + "' glued together",
                left + " " + right,
                Severity.MAJOR));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Two or more English-only function words within four tokens: an untranslated fragment. Single
   * English words (names, titles such as "The Economist") are left alone.
   */
  private static List<Finding> english(List<Token> tokens) {
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
            new Finding(
                ID,
                "untranslated-english",
                tokens.get(i).start(),
                tokens.get(last).end(),
                "untranslated English",
                null,
                Severity.MAJOR));
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
