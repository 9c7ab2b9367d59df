package dragoman.mt;

import dragoman.text.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence that is longer than the model accepts into parts that fit, so nothing is
 * silently truncated. Cut points, in order of preference: after a semicolon, colon or dash; after a
 * comma; before a coordinating or subordinating conjunction. Among cut points of the best kind that
 * leave both sides non-empty, the one nearest the middle of the text is taken, and each side is
 * split again if still too long. Text with no usable cut point is cut between words into windows
 * that fit, and a single over-long word between characters.
 */
public final class ClauseSplitter {
  /** German conjunctions that start a clause; a cut goes before them. */
  static final Set<String> CONJUNCTIONS = WordList.load("clause-conjunctions-de.txt");

  private static final Pattern STRONG = Pattern.compile("[;:–—](?=\\s)");
  private static final Pattern COMMA = Pattern.compile(",(?=\\s)");
  private static final Pattern WORD = Pattern.compile("(?<=\\s)(\\p{L}+)");

  private final ToIntFunction<String> tokens;
  private final int limit;

  /**
   * @param tokens counts the model tokens of a text (end-of-sentence token included)
   * @param limit the most tokens a part may have
   */
  public ClauseSplitter(ToIntFunction<String> tokens, int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("limit must be at least 2");
    }
    this.tokens = tokens;
    this.limit = limit;
  }

  /** The sentence itself when it fits, else parts that fit, in order, whitespace-trimmed. */
  public List<String> split(String sentence) {
    List<String> out = new ArrayList<>();
    splitInto(sentence.strip(), out);
    return out;
  }

  private void splitInto(String text, List<String> out) {
    if (text.isEmpty()) {
      return;
    }
    if (tokens.applyAsInt(text) <= limit) {
      out.add(text);
      return;
    }
    int cut = bestCut(text);
    if (cut > 0) {
      splitInto(text.substring(0, cut).strip(), out);
      splitInto(text.substring(cut).strip(), out);
      return;
    }
    windows(text, out);
  }

  /** A cut offset strictly inside the text, or -1. */
  private int bestCut(String text) {
    for (int kind = 0; kind < 3; kind++) {
      List<Integer> cuts = new ArrayList<>();
      if (kind == 0 || kind == 1) {
        Matcher m = (kind == 0 ? STRONG : COMMA).matcher(text);
        while (m.find()) {
          cuts.add(m.end());
        }
      } else {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
          if (CONJUNCTIONS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
            cuts.add(m.start());
          }
        }
      }
      int best = -1;
      int middle = text.length() / 2;
      for (int c : cuts) {
        boolean inside =
            !text.substring(0, c).isBlank() && !text.substring(c).isBlank() && c < text.length();
        if (inside && (best < 0 || Math.abs(c - middle) < Math.abs(best - middle))) {
          best = c;
        }
      }
      if (best > 0) {
        return best;
      }
    }
    return -1;
  }

  /** Greedy windows of whole words; a word that alone is too long is cut between characters. */
  private void windows(String text, List<String> out) {
    String[] words = text.split("\\s+");
    StringBuilder window = new StringBuilder();
    for (String w : words) {
      String candidate = window.isEmpty() ? w : window + " " + w;
      if (tokens.applyAsInt(candidate) <= limit) {
        window.setLength(0);
        window.append(candidate);
        continue;
      }
      if (!window.isEmpty()) {
        out.add(window.toString());
        window.setLength(0);
      }
      if (tokens.applyAsInt(w) <= limit) {
        window.append(w);
      } else {
        cutWord(w, out);
      }
    }
    if (!window.isEmpty()) {
      out.add(window.toString());
    }
  }

  private void cutWord(String word, List<String> out) {
    int start = 0;
    while (start < word.length()) {
      int end = word.offsetByCodePoints(start, 1);
      while (end < word.length()
          && tokens.applyAsInt(word.substring(start, Character.offsetByCodePoints(word, end, 1)))
              <= limit) {
        end = Character.offsetByCodePoints(word, end, 1);
      }
      out.add(word.substring(start, end));
      start = end;
    }
  }
}
