package dragoman.text;

/** A half-open range {@code [start, end)} of UTF-16 offsets. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  /** The same range with leading and trailing whitespace of {@code text} removed; may be empty. */
  public Span strip(CharSequence text) {
    int s = start;
    int e = end;
    while (s < e && isSpace(text.charAt(s))) {
      s++;
    }
    while (e > s && isSpace(text.charAt(e - 1))) {
      e--;
    }
    return new Span(s, e);
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
