package dragoman.metric;

/**
 * sacreBLEU's {@code char} tokenizer ({@code tokenizer_char.py}): every code point, whitespace
 * included, joined by single spaces.
 */
public final class TokenizerChar implements Tokenizer {
  @Override
  public String tokenize(String line) {
    StringBuilder out = new StringBuilder(line.length() * 2);
    line.codePoints()
        .forEach(
            cp -> {
              if (out.length() > 0) {
                out.append(' ');
              }
              out.appendCodePoint(cp);
            });
    return out.toString();
  }

  @Override
  public String signature() {
    return "char";
  }
}
