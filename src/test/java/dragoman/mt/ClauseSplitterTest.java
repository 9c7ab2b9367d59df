package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Token counts here are words + 1 (for the end-of-sentence token), so limits are easy to see. */
class ClauseSplitterTest {
  static final ToIntFunction<String> WORDS =
      s -> s.isBlank() ? 1 : s.strip().split("\\s+").length + 1;

  @Test
  void aSentenceThatFitsIsLeftAlone() {
    assertThat(new ClauseSplitter(WORDS, 10).split(" Kurzer Satz. "))
        .containsExactly("Kurzer Satz.");
  }

  @Test
  void prefersSemicolonsThenConjunctions() {
    ClauseSplitter s = new ClauseSplitter(WORDS, 6);
    assertThat(s.split("Er kam, sah und siegte; danach ging er heim und schlief."))
        .containsExactly("Er kam, sah und siegte;", "danach ging er heim", "und schlief.");
  }

  @Test
  void takesTheCommaNearestTheMiddle() {
    ClauseSplitter s = new ClauseSplitter(WORDS, 7);
    assertThat(s.split("Eins zwei drei, vier fünf sechs, sieben acht neun zehn elf zwölf"))
        .containsExactly("Eins zwei drei, vier fünf sechs,", "sieben acht neun zehn elf zwölf");
  }

  @Test
  void fallsBackToWordWindowsWithoutClauseBoundaries() {
    assertThat(new ClauseSplitter(WORDS, 4).split("a b c d e f g h i j"))
        .containsExactly("a b c", "d e f", "g h i", "j");
  }

  @Test
  void cutsAWordLongerThanTheLimitBetweenCharacters() {
    ToIntFunction<String> chars = s -> s.length() + 1;
    assertThat(new ClauseSplitter(chars, 4).split("abcdefgh")).containsExactly("abc", "def", "gh");
  }
}
