package dragoman.metric;

/**
 * sacreBLEU's {@code zh} tokenizer ({@code tokenizer_zh.py}): each Chinese character becomes a
 * token, then the rest is tokenized by 13a's regular expressions (without its entity handling).
 *
 * <p>The ranges are sacreBLEU's {@code _UCODE_RANGES}, including two that Python reads differently
 * from what their comments say: {@code u'\u20000'} and {@code u'\u2a6d6'} are two-character
 * strings, so with Python's string comparison that "Extension B" range really covers U+2001 to
 * U+2A6D (general punctuation, symbols and arrows among them), and the "Compatibility Supplement"
 * range {@code u'\u2f800'}..{@code u'\u2fa1d'} covers U+2F81 to U+2FA1. Those are reproduced here,
 * as sacreBLEU's scores depend on them.
 */
public final class TokenizerZh implements Tokenizer {
  // inclusive code point ranges, in sacreBLEU's order
  private static final int[][] RANGES = {
    {0x3400, 0x4DB5}, // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FA5}, // CJK Unified Ideographs
    {0x9FA6, 0x9FBB}, // CJK Unified Ideographs, release 4.1
    {0xF900, 0xFA2D}, // CJK Compatibility Ideographs
    {0xFA30, 0xFA6A},
    {0xFA70, 0xFAD9},
    {0x2001, 0x2A6D}, // written u'\u20000'..u'\u2a6d6' upstream (see above)
    {0x2F81, 0x2FA1}, // written u'\u2f800'..u'\u2fa1d' upstream
    {0xFF00, 0xFFEF}, // full-width ASCII and punctuation, half-width kana, Hangul
    {0x2E80, 0x2EFF}, // CJK Radicals Supplement
    {0x3000, 0x303F}, // CJK punctuation
    {0x31C0, 0x31EF}, // CJK strokes
    {0x2F00, 0x2FDF}, // Kangxi Radicals
    {0x2FF0, 0x2FFF}, // ideographic description characters
    {0x3100, 0x312F}, // Bopomofo
    {0x31A0, 0x31BF}, // Bopomofo extended
    {0xFE10, 0xFE1F},
    {0xFE30, 0xFE4F},
    {0x2600, 0x26FF},
    {0x2700, 0x27BF},
    {0x3200, 0x32FF},
    {0x3300, 0x33FF},
  };

  /** sacreBLEU's {@code _is_chinese_char}, with its ranges as Python compares them. */
  static boolean isChinese(int codePoint) {
    for (int[] r : RANGES) {
      if (codePoint >= r[0] && codePoint <= r[1]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String tokenize(String line) {
    line = PythonWhitespace.strip(line);
    StringBuilder chars = new StringBuilder(line.length() * 2);
    line.codePoints()
        .forEach(
            cp -> {
              if (isChinese(cp)) {
                chars.append(' ').appendCodePoint(cp).append(' ');
              } else {
                chars.appendCodePoint(cp);
              }
            });
    return Tokenizer13a.splitSymbols(chars.toString());
  }

  @Override
  public String signature() {
    return "zh";
  }
}
