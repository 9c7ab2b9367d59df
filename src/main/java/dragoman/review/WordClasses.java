package dragoman.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.tagging.Tagger;

/**
 * The span detector's second input: for every UTF-16 char of a text, the class of the word it
 * belongs to in LanguageTool's German morphology (unknown word, noun, article, a verb form with its
 * number and finiteness, ...). A character model alone cannot tell "geht" from "gehen" as agreement
 * or a misspelt word from a rare one; the dictionary can. Words are tagged without context (each
 * word's readings, not a disambiguated one), so the same word always gets the same class, in
 * training (eval/tools/DetectorInputs.java writes them for eval/review_detector.py) and here.
 * Always de-DE morphology: the detector was trained on it, whatever the text's variant. Not
 * thread-safe.
 */
public final class WordClasses {
  /** Padding (never produced for a real character). */
  public static final int PAD = 0;

  /** Space, punctuation, any character outside a word. */
  public static final int NOT_A_WORD = 1;

  /** A word LanguageTool's German dictionary does not know. */
  public static final int UNKNOWN = 2;

  /**
   * A verb form: {@code VERB + bits} (1 finite 1st/3rd person singular, 2 finite 1st/3rd person
   * plural, 4 non-finite).
   */
  public static final int VERB = 2;

  private static final List<String> OTHER =
      List.of("ART", "PRP", "KON", "PRO", "SUB", "EIG", "ADJ");

  /** Articles, prepositions, ...: {@code FIRST_OTHER + OTHER.indexOf(prefix)}. */
  public static final int FIRST_OTHER = VERB + 8;

  /** Adverbs, numbers, abbreviations and every other known word. */
  public static final int OTHER_WORD = FIRST_OTHER + OTHER.size();

  /** How many classes the embedding must hold. */
  public static final int COUNT = OTHER_WORD + 1;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

  private final Tagger tagger = GermanLexicon.language(GermanVariant.DE_DE).getTagger();

  /** One class per UTF-16 char of {@code text}. */
  public int[] of(String text) {
    int[] out = new int[text.length()];
    Arrays.fill(out, NOT_A_WORD);
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
      spans.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      return out;
    }
    List<AnalyzedTokenReadings> readings;
    try {
      readings = tagger.tag(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < words.size(); i++) {
      Arrays.fill(out, spans.get(i)[0], spans.get(i)[1], classOf(readings.get(i)));
    }
    return out;
  }

  static int classOf(AnalyzedTokenReadings readings) {
    int verbBits = 0;
    boolean secondPerson = false;
    int other = Integer.MAX_VALUE;
    boolean known = false;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null || tag.isEmpty()) {
        continue;
      }
      known = true;
      if (tag.startsWith("VER:")) {
        if (tag.contains(":INF")
            || tag.contains(":PA1")
            || tag.contains(":PA2")
            || tag.contains(":EIZ")) {
          verbBits |= 4;
        } else if (tag.contains(":1:SIN") || tag.contains(":3:SIN")) {
          verbBits |= 1;
        } else if (tag.contains(":1:PLU") || tag.contains(":3:PLU")) {
          verbBits |= 2;
        } else {
          // 2nd person and imperatives: finite, but news German hardly uses them, so they do not
          // make "geht" ambiguous in number; a verb with only such readings is finite, number
          // unknown.
          secondPerson = true;
        }
        continue;
      }
      String prefix = tag.startsWith("PA1") || tag.startsWith("PA2") ? "ADJ" : tag.split(":", 2)[0];
      int k = OTHER.indexOf(prefix);
      other = Math.min(other, k < 0 ? OTHER.size() : k);
    }
    if (!known) {
      return UNKNOWN;
    }
    if (verbBits == 0 && secondPerson) {
      verbBits = 1 | 2;
    }
    if (verbBits != 0) {
      return VERB + verbBits;
    }
    return other == Integer.MAX_VALUE ? OTHER_WORD : FIRST_OTHER + other;
  }
}
