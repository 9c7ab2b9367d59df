package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void turnsCrlfAndLoneCrIntoLf() {
    assertThat(normalizer.normalize("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void composesToNfc() {
    String decomposed = "Mu\u0308ller"; // u + combining diaeresis
    assertThat(normalizer.normalize(decomposed)).isEqualTo("M\u00fcller");
  }

  @Test
  void dropsALeadingBomCharacterOnly() {
    assertThat(normalizer.normalize("\uFEFFText")).isEqualTo("Text");
  }
}
