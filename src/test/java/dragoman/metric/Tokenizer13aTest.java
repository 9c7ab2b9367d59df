package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected tokenizations follow by hand from the four regular expressions of tokenizer_re.py. */
class Tokenizer13aTest {
  private final Tokenizer13a tok = new Tokenizer13a();

  @Test
  void splitsSentenceFinalPeriodAndComma() {
    assertThat(tok.tokenize("Hello, world.")).isEqualTo("Hello , world .");
  }

  @Test
  void keepsDecimalPointButSplitsCurrencyAndCommaAfterDigit() {
    // "$" is in the symbol class; "3.50" keeps its point (digits on both sides); the comma after
    // "0" is split by the third rule because a space follows it.
    assertThat(tok.tokenize("It costs $3.50, ok?")).isEqualTo("It costs $ 3.50 , ok ?");
  }

  @Test
  void splitsDashAfterDigitOnly() {
    assertThat(tok.tokenize("1-2 well-known")).isEqualTo("1 - 2 well-known");
  }

  @Test
  void unescapesEntitiesAndDropsSkipped() {
    assertThat(tok.tokenize("&quot;a&quot; &amp; <skipped>b")).isEqualTo("\" a \" & b");
  }

  @Test
  void collapsesWhitespace() {
    assertThat(tok.tokenize("  a \t b  ")).isEqualTo("a b");
  }
}
