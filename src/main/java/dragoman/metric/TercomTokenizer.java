package dragoman.metric;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tercom's normaliser as sacreBLEU 2.x reimplements it ({@code tokenizers/tokenizer_ter.py}, after
 * {@code src/ter/core/Normalizer.java} of Tercom); the regular expressions are sacreBLEU's, in its
 * order. Python's {@code $} matches only before a final LF, hence {@link Pattern#UNIX_LINES}.
 */
public final class TercomTokenizer {
  private static final int FLAGS = Pattern.UNIX_LINES;
  private static final Pattern SYMBOL =
      Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])", FLAGS);
  private static final Pattern POSSESSIVE = Pattern.compile("'s ", FLAGS);
  private static final Pattern POSSESSIVE_AT_END = Pattern.compile("'s$", FLAGS);
  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])", FLAGS);
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])", FLAGS);
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)", FLAGS);

  // 4E00-9FFF CJK Unified Ideographs, 3400-4DBF Extension A
  private static final Pattern CJK = Pattern.compile("([\\u4e00-\\u9fff\\u3400-\\u4dbf])", FLAGS);
  // 31C0-31EF CJK Strokes, 2E80-2EFF CJK Radicals Supplement
  private static final Pattern CJK_STROKES =
      Pattern.compile("([\\u31c0-\\u31ef\\u2e80-\\u2eff])", FLAGS);
  // 3300-33FF CJK Compatibility, F900-FAFF Compatibility Ideographs, FE30-FE4F Compatibility Forms
  private static final Pattern CJK_COMPATIBILITY =
      Pattern.compile("([\\u3300-\\u33ff\\uf900-\\ufaff\\ufe30-\\ufe4f])", FLAGS);
  // upstream's comment says 3200-32FF Enclosed CJK Letters and Months; its range is 3200-3F22
  private static final Pattern CJK_ENCLOSED = Pattern.compile("([\\u3200-\\u3f22])", FLAGS);
  // Hiragana, Katakana, Katakana Phonetic Extensions: split "only when adjacent to something else"
  // as upstream says; its patterns anchor at the start of the string, and are kept as they are.
  private static final Pattern HIRAGANA =
      Pattern.compile("(^|^[\\u3040-\\u309f])([\\u3040-\\u309f]+)(?=$|^[\\u3040-\\u309f])", FLAGS);
  private static final Pattern KATAKANA =
      Pattern.compile("(^|^[\\u30a0-\\u30ff])([\\u30a0-\\u30ff]+)(?=$|^[\\u30a0-\\u30ff])", FLAGS);
  private static final Pattern KATAKANA_EXTENSIONS =
      Pattern.compile("(^|^[\\u31f0-\\u31ff])([\\u31f0-\\u31ff]+)(?=$|^[\\u31f0-\\u31ff])", FLAGS);
  private static final Pattern ASIAN_PUNCT =
      Pattern.compile(
          "([\\u3001\\u3002\\u3008-\\u3011\\u3014-\\u301f\\uff61-\\uff65\\u30fb])", FLAGS);
  private static final Pattern FULL_WIDTH_PUNCT =
      Pattern.compile("([\\uff0e\\uff0c\\uff1f\\uff1a\\uff1b\\uff01\\uff02\\uff08\\uff09])", FLAGS);
  private static final Pattern PUNCT = Pattern.compile("[\\.,\\?:;!\\\"\\(\\)]", FLAGS);

  private final TerOptions options;

  public TercomTokenizer(TerOptions options) {
    this.options = options;
  }

  /** Normalises one segment; tokens are separated by single spaces. */
  public String tokenize(String sent) {
    if (sent.isEmpty()) {
      return "";
    }
    if (!options.caseSensitive()) {
      sent = sent.toLowerCase(Locale.ROOT);
    }
    if (options.normalized()) {
      sent = normalizeGeneralAndWestern(sent);
      if (options.asianSupport()) {
        sent = normalizeAsian(sent);
      }
    }
    if (options.noPunct()) {
      sent = PUNCT.matcher(sent).replaceAll("");
      if (options.asianSupport()) {
        sent = ASIAN_PUNCT.matcher(sent).replaceAll("");
        sent = FULL_WIDTH_PUNCT.matcher(sent).replaceAll("");
      }
    }
    return String.join(" ", PythonWhitespace.split(sent));
  }

  /** sacreBLEU's {@code tok:} field for TER. */
  public String signature() {
    return "tercom";
  }

  private static String normalizeGeneralAndWestern(String sent) {
    sent = sent.replace("\n-", "");
    sent = sent.replace("\n", " ");
    sent = sent.replace("&quot;", "\"");
    sent = sent.replace("&amp;", "&");
    sent = sent.replace("&lt;", "<");
    sent = sent.replace("&gt;", ">");
    sent = " " + sent + " ";
    sent = SYMBOL.matcher(sent).replaceAll(" $1 ");
    sent = POSSESSIVE.matcher(sent).replaceAll(" 's ");
    sent = POSSESSIVE_AT_END.matcher(sent).replaceAll(" 's");
    sent = PUNCT_AFTER_NON_DIGIT.matcher(sent).replaceAll("$1 $2 ");
    sent = PUNCT_BEFORE_NON_DIGIT.matcher(sent).replaceAll(" $1 $2");
    return DASH_AFTER_DIGIT.matcher(sent).replaceAll("$1 $2 ");
  }

  private static String normalizeAsian(String sent) {
    sent = CJK.matcher(sent).replaceAll(" $1 ");
    sent = CJK_STROKES.matcher(sent).replaceAll(" $1 ");
    sent = CJK_COMPATIBILITY.matcher(sent).replaceAll(" $1 ");
    sent = CJK_ENCLOSED.matcher(sent).replaceAll(" $1 ");
    sent = HIRAGANA.matcher(sent).replaceAll("$1 $2 ");
    sent = KATAKANA.matcher(sent).replaceAll("$1 $2 ");
    sent = KATAKANA_EXTENSIONS.matcher(sent).replaceAll("$1 $2 ");
    sent = ASIAN_PUNCT.matcher(sent).replaceAll(" $1 ");
    return FULL_WIDTH_PUNCT.matcher(sent).replaceAll(" $1 ");
  }
}
