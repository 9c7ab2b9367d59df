package dragoman.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace exactly as Python's {@code str.split()} and {@code str.rstrip()} see it, because
 * sacreBLEU tokenizes with them: a code point is whitespace if its general category is Zs, Zl or Zp
 * or its bidirectional class is WS, B or S (U+0009..U+000D, U+001C..U+001F, U+0085 besides the
 * separators). Java's {@link Character#isWhitespace} differs (it excludes U+00A0, U+2007, U+202F).
 */
public final class PythonWhitespace {
  private PythonWhitespace() {}

  public static boolean isSpace(int codePoint) {
    return (codePoint >= 0x09 && codePoint <= 0x0D)
        || (codePoint >= 0x1C && codePoint <= 0x1F)
        || codePoint == 0x85
        || Character.isSpaceChar(codePoint);
  }

  /** {@code s.split()}: the maximal runs of non-whitespace. */
  public static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** {@code s.strip()}. */
  public static String strip(String s) {
    int start = 0;
    while (start < s.length()) {
      int cp = s.codePointAt(start);
      if (!isSpace(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    return rstrip(s.substring(start));
  }

  /** {@code "".join(s.split())}: the code points of s with all whitespace removed. */
  public static int[] codePointsWithoutSpace(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        out[n++] = cp;
      }
      i += Character.charCount(cp);
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
