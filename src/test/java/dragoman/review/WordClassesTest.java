package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The span detector's word-class input, read from LanguageTool's German morphology. */
class WordClassesTest {
  private static final WordClasses CLASSES = new WordClasses();

  private static int classOfWord(String text, String word) {
    return CLASSES.of(text)[text.indexOf(word)];
  }

  @Test
  void everyCharacterOfAWordGetsTheWordsClassAndTheRestNotAWord() {
    String text = "Der Hund, bellt.";
    int[] c = CLASSES.of(text);
    assertThat(c).hasSize(text.length());
    assertThat(c[3]).isEqualTo(WordClasses.NOT_A_WORD);
    assertThat(c[8]).isEqualTo(WordClasses.NOT_A_WORD);
    assertThat(c[4]).isEqualTo(c[7]);
  }

  @Test
  void verbsCarryTheirNumberAndFiniteness() {
    String s = "Er geht, sie gehen, er ist gegangen.";
    assertThat(classOfWord(s, "geht")).isEqualTo(WordClasses.VERB + 1);
    // "gehen": 1st/3rd person plural or the infinitive
    assertThat(classOfWord(s, "gehen")).isEqualTo(WordClasses.VERB + 2 + 4);
    assertThat(classOfWord(s, "ist")).isEqualTo(WordClasses.VERB + 1);
    assertThat(classOfWord(s, "gegangen")).isEqualTo(WordClasses.VERB + 4);
  }

  @Test
  void aMisspeltWordIsUnknownAndItsCorrectFormIsNot() {
    assertThat(classOfWord("Er konte nicht kommen.", "konte")).isEqualTo(WordClasses.UNKNOWN);
    assertThat(classOfWord("Er konnte nicht kommen.", "konnte")).isNotEqualTo(WordClasses.UNKNOWN);
  }

  @Test
  void classesStayInsideTheEmbeddingTheDetectorWasTrainedWith() {
    int[] c = CLASSES.of("Die 3 neuen Häuser stehen am Fluss, sagte Müller gestern sehr leise.");
    for (int v : c) {
      assertThat(v).isBetween(1, WordClasses.COUNT - 1);
    }
  }
}
