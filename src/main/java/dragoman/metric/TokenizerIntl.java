package dragoman.metric;

import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code intl} tokenizer ({@code tokenizer_intl.py}, after mteval-v14.pl's
 * international tokenization): punctuation (Unicode category P) is split off unless it stands
 * between digits, and symbols (category S) always; the three rules are applied in sacreBLEU's
 * order. Character categories come from Java's Unicode tables, which may trail those of Python's
 * {@code regex} module for characters added in the newest Unicode versions.
 */
public final class TokenizerIntl implements Tokenizer {
  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

  @Override
  public String tokenize(String line) {
    line = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PUNCT_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = SYMBOL.matcher(line).replaceAll(" $1 ");
    return String.join(" ", PythonWhitespace.split(line));
  }

  @Override
  public String signature() {
    return "intl";
  }
}
