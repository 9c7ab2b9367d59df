package dragoman.formats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;

/**
 * Inline codes (bold, links, line breaks, DOCX run properties, XLIFF {@code <g>}/{@code <x/>})
 * through translation as placeholders, and back.
 *
 * <p>An Okapi {@link TextFragment} keeps its codes as two-character markers in its coded text (a
 * marker for opening, closing or isolated, then the code's index). Codes before the first and after
 * the last character of text stay where they are and are never shown to the model. Codes inside the
 * text become XML-like placeholders the Marian models tend to copy: {@code <gN>...</gN>} for a pair
 * whose two ends are both inside, {@code <xN/>} for anything else. After translation each
 * placeholder found puts its code back there; a pair found out of order or crossing another, and
 * any placeholder the model dropped, is put at the end of the sentence (before the trailing codes),
 * so no code is ever lost and the target stays well nested.
 */
public final class InlineCodes {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("<\\s*(/?)\\s*([gx])\\s*(\\d+)\\s*(/?)\\s*>");

  private InlineCodes() {}

  /**
   * A segment's content split for translation.
   *
   * @param prefix coded text before the first character of text (codes and whitespace)
   * @param suffix coded text after the last character of text
   * @param placeholders the model's input: the text with inner codes as placeholders
   * @param plain the text without any code, what review and the JSONL records see
   * @param tokens each inner code's placeholder, in order; keyed by the placeholder
   */
  public record Masked(
      String prefix, String suffix, String placeholders, String plain, Map<String, String> tokens) {
    public Masked {
      tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /** True when the segment has no text to translate (only codes and whitespace). */
    public boolean isEmpty() {
      return plain.isEmpty();
    }

    /** The number of codes inside the text. */
    public int innerCodes() {
      return tokens.size();
    }
  }

  /**
   * A translation with its codes back.
   *
   * @param coded Okapi coded text using the source fragment's code indices
   * @param unplaced how many inner codes were put at the end because the translation lost them or
   *     put them out of order
   */
  public record Restored(String coded, int unplaced) {}

  /** Splits a fragment's coded text into fixed ends and a placeholder middle. */
  public static Masked mask(TextFragment fragment) {
    String c = fragment.getCodedText();
    int first = -1;
    int last = -1;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (TextFragment.isMarker(ch)) {
        i++;
        continue;
      }
      if (!Character.isWhitespace(ch)) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      return new Masked(c, "", "", "", Map.of());
    }
    String middle = c.substring(first, last + 1);
    List<Code> codes = fragment.getCodes();
    // Which inner codes have their partner inside too: those become <gN>..</gN>.
    Map<Integer, Integer> partner = pairs(middle, codes);
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<Integer, Integer> numberOf = new LinkedHashMap<>();
    int numbers = 0;
    StringBuilder ph = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < middle.length(); i++) {
      char ch = middle.charAt(i);
      if (!TextFragment.isMarker(ch)) {
        ph.append(ch);
        plain.append(ch);
        continue;
      }
      int index = TextFragment.toIndex(middle.charAt(i + 1));
      String marker = middle.substring(i, i + 2);
      i++;
      Integer other = partner.get(index);
      int n;
      if (other != null && numberOf.containsKey(other)) {
        n = numberOf.get(other);
      } else {
        n = ++numbers;
      }
      numberOf.put(index, n);
      String token;
      if (other == null) {
        token = "<x" + n + "/>";
      } else if (marker.charAt(0) == TextFragment.MARKER_OPENING) {
        token = "<g" + n + ">";
      } else {
        token = "</g" + n + ">";
      }
      tokens.put(token, marker);
      ph.append(token);
    }
    return new Masked(
        c.substring(0, first), c.substring(last + 1), ph.toString(), plain.toString(), tokens);
  }

  /** Opening and closing code indices that pair up within {@code coded}, both ways. */
  private static Map<Integer, Integer> pairs(String coded, List<Code> codes) {
    Map<Integer, Integer> partner = new LinkedHashMap<>();
    Map<Integer, Deque<Integer>> open = new LinkedHashMap<>();
    for (int i = 0; i < coded.length(); i++) {
      char ch = coded.charAt(i);
      if (!TextFragment.isMarker(ch)) {
        continue;
      }
      int index = TextFragment.toIndex(coded.charAt(++i));
      int id = codes.get(index).getId();
      if (ch == TextFragment.MARKER_OPENING) {
        open.computeIfAbsent(id, k -> new ArrayDeque<>()).push(index);
      } else if (ch == TextFragment.MARKER_CLOSING) {
        Deque<Integer> stack = open.get(id);
        if (stack != null && !stack.isEmpty()) {
          int o = stack.pop();
          partner.put(o, index);
          partner.put(index, o);
        }
      }
    }
    return partner;
  }

  /** Puts the codes back into a translation of {@link Masked#placeholders()}. */
  public static Restored restore(Masked masked, String translation) {
    if (masked.isEmpty()) {
      return new Restored(masked.prefix() + masked.suffix(), 0);
    }
    // Text pieces and, between them, the expected placeholders found (first occurrence only).
    List<String> pieces = new ArrayList<>();
    List<String> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(translation);
    int pos = 0;
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      text.append(translation, pos, m.start());
      pos = m.end();
      String token =
          m.group(1).equals("/")
              ? "</" + m.group(2) + m.group(3) + ">"
              : m.group(4).equals("/")
                  ? "<" + m.group(2) + m.group(3) + "/>"
                  : "<" + m.group(2) + m.group(3) + ">";
      if (masked.tokens().containsKey(token) && seen.add(token)) {
        pieces.add(text.toString());
        text.setLength(0);
        found.add(token);
      }
    }
    text.append(translation.substring(pos));
    pieces.add(text.toString());

    Set<String> placed = wellNested(found);
    StringBuilder out = new StringBuilder(masked.prefix());
    for (int i = 0; i < pieces.size(); i++) {
      out.append(pieces.get(i));
      if (i < found.size() && placed.contains(found.get(i))) {
        out.append(masked.tokens().get(found.get(i)));
      }
    }
    // What could not be placed goes at the end, in source order, so nothing is lost. A pair would
    // enclose nothing there, and empty formatting is dropped by some writers (a DOCX run, Markdown
    // "****"), so an unplaced pair encloses the last word instead; the finding says to move it.
    // The last word holds no marker, so this keeps the codes well nested.
    // A placeholder the model left out or misplaced leaves its spaces behind: one is enough.
    String body = out.toString().replaceAll(" {2,}", " ").stripTrailing();
    StringBuilder opens = new StringBuilder();
    StringBuilder closes = new StringBuilder();
    StringBuilder isolated = new StringBuilder();
    int unplaced = 0;
    for (Map.Entry<String, String> e : masked.tokens().entrySet()) {
      if (placed.contains(e.getKey())) {
        continue;
      }
      unplaced++;
      if (e.getKey().startsWith("<g")) {
        opens.append(e.getValue());
      } else if (e.getKey().startsWith("</g")) {
        closes.insert(0, e.getValue());
      } else {
        isolated.append(e.getValue());
      }
    }
    int[] word = lastWord(body);
    out.setLength(0);
    if (opens.length() > 0 && word != null) {
      out.append(body, 0, word[0]).append(opens).append(body, word[0], word[1]).append(closes);
      out.append(body.substring(word[1]));
    } else {
      out.append(body).append(opens).append(closes);
    }
    out.append(isolated);
    out.append(masked.suffix());
    return new Restored(out.toString(), unplaced);
  }

  /** [start, end) of the last run of letters and digits not broken by a marker; null if none. */
  private static int[] lastWord(String coded) {
    int end = -1;
    for (int i = coded.length() - 1; i >= 0; i--) {
      char ch = coded.charAt(i);
      boolean marker = i > 0 && TextFragment.isMarker(coded.charAt(i - 1));
      if (marker) {
        if (end >= 0) {
          return new int[] {i + 1, end};
        }
        i--;
        continue;
      }
      if (Character.isLetterOrDigit(ch)) {
        if (end < 0) {
          end = i + 1;
        }
      } else if (end >= 0) {
        return new int[] {i + 1, end};
      }
    }
    return end >= 0 ? new int[] {0, end} : null;
  }

  /**
   * The placeholders that can stay where the model put them: every {@code <xN/>}, and each pair
   * whose opening comes before its closing without crossing another pair.
   */
  private static Set<String> wellNested(List<String> found) {
    Set<String> dropped = new HashSet<>();
    while (true) {
      String bad = firstBadPair(found, dropped);
      if (bad == null) {
        break;
      }
      dropped.add("<g" + bad + ">");
      dropped.add("</g" + bad + ">");
    }
    Set<String> placed = new HashSet<>();
    for (String t : found) {
      if (!dropped.contains(t)) {
        placed.add(t);
      }
    }
    // A pair with one end lost cannot stay either.
    for (String t : List.copyOf(placed)) {
      if (t.startsWith("<g") && !placed.contains("</" + t.substring(1))) {
        placed.remove(t);
      } else if (t.startsWith("</g") && !placed.contains("<" + t.substring(2))) {
        placed.remove(t);
      }
    }
    return placed;
  }

  /** The number of the first pair that is out of order, crossing or half lost; null if none. */
  private static String firstBadPair(List<String> found, Set<String> dropped) {
    Deque<String> stack = new ArrayDeque<>();
    Set<String> present = new HashSet<>();
    for (String t : found) {
      if (!dropped.contains(t)) {
        present.add(t);
      }
    }
    for (String t : found) {
      if (dropped.contains(t) || t.startsWith("<x")) {
        continue;
      }
      if (t.startsWith("</g")) {
        String n = t.substring(3, t.length() - 1);
        if (stack.isEmpty() || !stack.peek().equals(n)) {
          return n;
        }
        stack.pop();
      } else {
        String n = t.substring(2, t.length() - 1);
        if (!present.contains("</g" + n + ">")) {
          return n;
        }
        stack.push(n);
      }
    }
    return stack.isEmpty() ? null : stack.peek();
  }
}
