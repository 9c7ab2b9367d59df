package dragoman.review;

import dragoman.text.WordList;
import java.util.Locale;
import java.util.Set;

/**
 * Closed-class word lists, read by {@link WordList} from {@code words/*.txt}. The German, English
 * and French lists are the most frequent function words of each language (articles, pronouns,
 * prepositions, conjunctions, auxiliaries), as in the stop-word lists of Snowball
 * (snowballstem.org/algorithms/{german,english,french}/stop.txt), trimmed to words that are
 * unambiguous between the three where noted.
 */
public final class FunctionWords {
  private FunctionWords() {}

  /**
   * German articles, pronouns, prepositions, conjunctions and auxiliaries, from {@code
   * words/function-words-de.txt} (eval/translationese.py reads the same file).
   */
  public static final Set<String> GERMAN = WordList.load("function-words-de.txt");

  /**
   * German words that are never capitalised except at the start of a sentence, a quotation or a
   * title: articles, prepositions, conjunctions and pronouns (a subset of {@link #GERMAN} without
   * words that are also nouns or names).
   */
  public static final Set<String> GERMAN_LOWERCASE_ONLY = WordList.load("lowercase-only-de.txt");

  /**
   * Words that are never the first or last part of a compound: articles, pronouns, auxiliaries and
   * conjunctions. A token that is no word but splits into one of these and a word was glued.
   */
  public static final Set<String> GLUEABLE = WordList.load("glueable-de.txt");

  /** English function words that are not German words (so "in", "was", "will" are left out). */
  public static final Set<String> ENGLISH = WordList.load("function-words-en.txt");

  /** French function words that are not German words. */
  public static final Set<String> FRENCH = WordList.load("function-words-fr.txt");

  public static boolean isGerman(String word) {
    return GERMAN.contains(word.toLowerCase(Locale.ROOT));
  }
}
