package dragoman.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists under {@code src/main/resources/dragoman/words/}, read by the review rules, the
 * translator's clause splitter and the eval scripts alike (as Lucene keeps {@code
 * german_stop.txt}). Format: UTF-8, one entry a line (a byte-order mark is ignored), surrounding
 * white space stripped (an entry may hold inner spaces: "vor allem"), lines that start with {@code
 * #} are comments, blank lines are skipped. Entries are taken as written: each caller decides how
 * it folds case.
 */
public final class WordList {
  /** The class-path folder the lists live in. */
  public static final String FOLDER = "/dragoman/words/";

  private WordList() {}

  /**
   * The entries of {@code FOLDER + name}.
   *
   * @throws IllegalStateException if the resource is missing, is not UTF-8 or lists an entry twice
   *     (naming the resource)
   */
  public static Set<String> load(String name) {
    String resource = FOLDER + name;
    List<String> lines;
    try (InputStream in = WordList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("word list " + resource + " is missing from the classpath");
      }
      String text = decode(in.readAllBytes(), resource);
      lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read word list " + resource, e);
    }
    Set<String> words = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String entry = lines.get(i).strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      if (!words.add(entry)) {
        throw new IllegalStateException(
            "word list " + resource + " line " + (i + 1) + ": '" + entry + "' is listed twice");
      }
    }
    return Set.copyOf(words);
  }

  private static String decode(byte[] bytes, String resource) {
    try {
      return StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("word list " + resource + " is not valid UTF-8", e);
    }
  }
}
