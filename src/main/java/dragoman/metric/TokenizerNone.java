package dragoman.metric;

/** sacreBLEU's {@code none} tokenizer ({@code tokenizer_none.py}): the segment as it is. */
public final class TokenizerNone implements Tokenizer {
  @Override
  public String tokenize(String line) {
    return line;
  }

  @Override
  public String signature() {
    return "none";
  }
}
