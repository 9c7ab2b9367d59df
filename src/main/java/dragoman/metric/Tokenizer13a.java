package dragoman.metric;

import java.util.regex.Pattern;

/**
 * The mteval-v13a tokenizer as sacreBLEU 2.x implements it ({@code tokenizers/tokenizer_13a.py} and
 * {@code tokenizer_re.py}); the regular expressions are sacreBLEU's, in the same order.
 */
public final class Tokenizer13a implements Tokenizer {
  // Symbols { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ / become tokens.
  private static final Pattern SYMBOL = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  // Period and comma split off unless preceded by a digit...
  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  // ...and unless followed by a digit.
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  // A dash after a digit is split off.
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  /** Tokenizes one segment; tokens are separated by single spaces, none leading or trailing. */
  @Override
  public String tokenize(String line) {
    line = line.replace("<skipped>", "");
    line = line.replace("-\n", "");
    line = line.replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      line = line.replace("&quot;", "\"");
      line = line.replace("&amp;", "&");
      line = line.replace("&lt;", "<");
      line = line.replace("&gt;", ">");
    }
    return splitSymbols(" " + line + " ");
  }

  @Override
  public String signature() {
    return "13a";
  }

  /** sacreBLEU's {@code TokenizerRegexp} ({@code tokenizer_re.py}), which 13a and zh share. */
  static String splitSymbols(String line) {
    line = SYMBOL.matcher(line).replaceAll(" $1 ");
    line = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PUNCT_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return String.join(" ", PythonWhitespace.split(line));
  }
}
