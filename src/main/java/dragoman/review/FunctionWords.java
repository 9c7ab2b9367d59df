package dragoman.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Closed-class word lists. The German, English and French lists are the most frequent function
 * words of each language (articles, pronouns, prepositions, conjunctions, auxiliaries), as in the
 * stop-word lists of Snowball (snowballstem.org/algorithms/{german,english,french}/stop.txt),
 * trimmed to words that are unambiguous between the three where noted.
 */
public final class FunctionWords {
  private FunctionWords() {}

  /**
   * German articles, pronouns, prepositions, conjunctions and auxiliaries, from the resource {@code
   * function-words-de.txt} (the eval scripts read the same file).
   */
  public static final Set<String> GERMAN = wordList("function-words-de.txt");

  /**
   * German words that are never capitalised except at the start of a sentence, a quotation or a
   * title: articles, prepositions, conjunctions and pronouns (a subset of {@link #GERMAN} without
   * words that are also nouns or names).
   */
  public static final Set<String> GERMAN_LOWERCASE_ONLY =
      Set.of(
          "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
          "eines", "und", "oder", "aber", "dass", "weil", "wenn", "als", "ob", "obwohl", "zu",
          "zum", "zur", "mit", "von", "vom", "bei", "beim", "nach", "aus", "für", "gegen", "ohne",
          "um", "durch", "über", "unter", "vor", "auf", "im", "ins", "ist", "sind", "wird",
          "werden", "wurde", "wurden", "hat", "haben", "sich", "nicht", "auch", "noch", "nur",
          "dies", "diese", "dieser", "dieses", "diesen", "diesem", "jedoch");

  /**
   * Words that are never the first or last part of a compound: articles, pronouns, auxiliaries and
   * conjunctions. A token that is no word but splits into one of these and a word was glued.
   */
  public static final Set<String> GLUEABLE =
      Set.of(
          "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
          "eines", "und", "oder", "aber", "dass", "weil", "wenn", "ist", "sind", "war", "waren",
          "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "sie", "wir",
          "ihr", "ihn", "ihm", "ihnen", "uns", "sich", "dies", "diese", "dieser", "dieses",
          "diesen", "diesem", "kann", "können", "muss", "müssen", "soll", "sollen");

  /** English function words that are not German words (so "in", "was", "will" are left out). */
  public static final Set<String> ENGLISH =
      Set.of(
          "the", "of", "and", "to", "is", "are", "were", "be", "been", "with", "for", "that",
          "this", "these", "those", "which", "who", "whom", "have", "has", "had", "by", "from",
          "it", "its", "at", "on", "or", "would", "should", "could", "not", "they", "their", "them",
          "we", "our", "you", "your", "he", "his", "she", "there", "what", "when", "where", "than",
          "but", "if", "into", "about", "can", "do", "does", "did", "a", "my", "me", "us", "some",
          "any", "more", "most", "other", "such", "only", "very", "how", "why", "then", "because",
          "while", "before", "over");

  /** French function words that are not German words. */
  public static final Set<String> FRENCH =
      Set.of(
          "le", "la", "les", "de", "du", "un", "une", "et", "est", "sont", "dans", "pour", "que",
          "qui", "ne", "pas", "sur", "au", "aux", "avec", "ce", "cette", "ces", "il", "elle", "ils",
          "elles", "nous", "vous", "je", "se", "sa", "son", "ses", "leur", "leurs", "par", "mais",
          "ou", "où", "comme", "été", "être", "avoir", "a", "ont", "était", "y", "en", "lui", "on",
          "tout", "très", "aussi", "sans", "sous", "entre", "chez");

  public static boolean isGerman(String word) {
    return GERMAN.contains(word.toLowerCase(Locale.ROOT));
  }

  /** One word a line; {@code #} starts a comment line. */
  private static Set<String> wordList(String resource) {
    try (InputStream in = FunctionWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dragoman/review/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
