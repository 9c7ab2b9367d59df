package dragoman.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import morfologik.speller.Speller;
import morfologik.stemming.Dictionary;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;

/**
 * Is this a German word? Answered by LanguageTool's German speller dictionary (a Morfologik
 * automaton of full forms, {@code /de/hunspell/de_XX.dict} in language-de), one per variant.
 */
public final class GermanLexicon {
  private static final Map<GermanVariant, Language> LANGUAGES = new EnumMap<>(GermanVariant.class);

  private final Speller speller;
  private final boolean swiss;

  /** The dictionaries, read once per variant (immutable; each lexicon's speller is not). */
  private static final Map<GermanVariant, Dictionary> DICTIONARIES =
      new EnumMap<>(GermanVariant.class);

  /** Not thread-safe (Morfologik's speller keeps buffers): one per thread. */
  public GermanLexicon(GermanVariant variant) {
    this.speller = new Speller(dictionary(variant));
    this.swiss = variant.swiss();
  }

  private static synchronized Dictionary dictionary(GermanVariant variant) {
    Dictionary d = DICTIONARIES.get(variant);
    if (d == null) {
      String name = "/de/hunspell/" + variant.code().replace('-', '_') + ".dict";
      URL url = JLanguageTool.getDataBroker().getFromResourceDirAsUrl(name);
      try {
        d = Dictionary.read(url);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read LanguageTool dictionary " + name, e);
      }
      DICTIONARIES.put(variant, d);
    }
    return d;
  }

  /** The LanguageTool language for a variant (shared: building one costs seconds). */
  static synchronized Language language(GermanVariant variant) {
    return LANGUAGES.computeIfAbsent(variant, v -> Languages.getLanguageForShortCode(v.code()));
  }

  /**
   * Whether {@code word} is a German word form as written, or with its first letter in the other
   * case (sentence-initial capitals, nominalised words).
   */
  public boolean knows(String word) {
    if (word.isEmpty()) {
      return false;
    }
    if (inDictionary(word)) {
      return true;
    }
    String first = word.substring(0, 1);
    String rest = word.substring(1);
    String flipped =
        Character.isUpperCase(word.charAt(0))
            ? first.toLowerCase(Locale.GERMAN) + rest
            : first.toUpperCase(Locale.GERMAN) + rest;
    return inDictionary(flipped);
  }

  private boolean inDictionary(String w) {
    if (speller.isInDictionary(w)) {
      return true;
    }
    // Swiss spelling writes ss where the dictionary may have ß.
    return swiss && w.contains("ss") && speller.isInDictionary(w.replace("ss", "ß"));
  }
}
