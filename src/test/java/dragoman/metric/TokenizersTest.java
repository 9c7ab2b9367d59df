package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * sacreBLEU's BLEU tokenizers. Expected strings were printed by sacreBLEU 2.6.0 itself
 * (TokenizerZh, TokenizerV14International and TokenizerChar called on the same inputs).
 */
class TokenizersTest {
  @Test
  void zhSplitsChineseCharactersAndTreatsPunctuationRangesAsUpstreamReadsThem() {
    Tokenizer zh = Tokenizer.forName("zh");
    assertThat(zh.tokenize("我们在2021年发布了“新版本”——很好！"))
        .isEqualTo("我 们 在 2021 年 发 布 了 “ 新 版 本 ” — — 很 好 ！");
    assertThat(zh.tokenize(" 美国总统 Biden said: hello, world. "))
        .isEqualTo("美 国 总 统 Biden said : hello , world .");
    // U+2014, U+2190, U+2026 and U+2F81 fall in the ranges upstream writes as u'\u20000' and
    // u'\u2f800' (two-character strings in Python)
    assertThat(zh.tokenize("a\u2014b \u2190 c\u2026d \u2f81x"))
        .isEqualTo("a \u2014 b \u2190 c \u2026 d \u2f81 x");
    assertThat(TokenizerZh.isChinese(0x2000)).isFalse();
    assertThat(TokenizerZh.isChinese(0x2001)).isTrue();
    assertThat(TokenizerZh.isChinese(0x2A6E)).isFalse();
    assertThat(TokenizerZh.isChinese(0x20000)).isFalse();
    assertThat(zh.signature()).isEqualTo("zh");
  }

  @Test
  void intlSplitsUnicodePunctuationAndSymbolsButNotBetweenDigits() {
    Tokenizer intl = Tokenizer.forName("intl");
    assertThat(intl.tokenize("Hello, world! It costs $3.50 (or €3,50)."))
        .isEqualTo("Hello , world ! It costs $ 3.50 ( or € 3,50 ) .");
    assertThat(intl.tokenize("«Zitat» 1,000.5 — end.")).isEqualTo("« Zitat » 1,000.5 — end .");
    // mteval-v14's quirk, kept by sacreBLEU: a final period after a number stays attached
    assertThat(intl.tokenize("U.S.A. 2021.")).isEqualTo("U . S . A . 2021.");
  }

  @Test
  void charSeparatesEveryCodePointWhitespaceIncluded() {
    Tokenizer ch = Tokenizer.forName("char");
    assertThat(ch.tokenize("ab c")).isEqualTo("a b   c");
    assertThat(ch.tokenize("日本 語")).isEqualTo("日 本   語");
  }

  @Test
  void noneKeepsTheSegment() {
    assertThat(Tokenizer.forName("none").tokenize("a,b  c")).isEqualTo("a,b  c");
  }

  @Test
  void tokenizersNeedingExternalModelsSaySoInOneLine() {
    assertThatThrownBy(() -> Tokenizer.forName("ja-mecab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MeCab")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> Tokenizer.forName("flores200"))
        .hasMessageContaining("SentencePiece model");
    assertThatThrownBy(() -> Tokenizer.forName("13b")).hasMessageContaining("unknown tokenizer");
  }
}
