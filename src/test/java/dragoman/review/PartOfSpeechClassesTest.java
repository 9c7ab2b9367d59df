package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The span detector's part-of-speech input, OpenNLP's tag of each token in context. */
class PartOfSpeechClassesTest {
  private static final PartOfSpeechClasses CLASSES = new PartOfSpeechClasses();

  private static int tagOf(String text, String word) {
    return CLASSES.of(text)[text.indexOf(word)];
  }

  private static int id(Upos tag) {
    return PartOfSpeechClasses.FIRST_TAG + PartOfSpeechClasses.TAGS.indexOf(tag);
  }

  @Test
  void everyCharacterOfATokenGetsItsTagAndSpacesNone() {
    String text = "Der Hund bellt.";
    int[] c = CLASSES.of(text);
    assertThat(c).hasSize(text.length());
    assertThat(c[3]).isEqualTo(PartOfSpeechClasses.NOT_A_TOKEN);
    assertThat(c[4]).isEqualTo(c[7]).isEqualTo(id(Upos.NOUN));
    assertThat(c[0]).isEqualTo(id(Upos.DET));
    assertThat(c[text.length() - 1]).isEqualTo(id(Upos.PUNCT));
  }

  @Test
  void theSameWordIsTaggedByItsContext() {
    // "Essen" is a noun after the article and the verb's infinitive after the modal.
    assertThat(tagOf("Das Essen war kalt.", "Essen")).isEqualTo(id(Upos.NOUN));
    assertThat(tagOf("Wir wollen heute essen.", "essen")).isEqualTo(id(Upos.VERB));
  }

  @Test
  void contractionsShareOneClassAndEveryOtherTagHasItsOwn() {
    assertThat(tagOf("Er geht zum Bahnhof.", "zum")).isEqualTo(PartOfSpeechClasses.CONTRACTION);
    assertThat(PartOfSpeechClasses.TAGS).hasSize(Upos.values().length - 3).doesNotHaveDuplicates();
    assertThat(PartOfSpeechClasses.TAGS)
        .doesNotContain(Upos.ADP_DET, Upos.ADP_PRON, Upos.PROPN_DET);
  }

  @Test
  void tokensAnalysedAtADocumentOffsetGiveTheSameClasses() {
    String text = "Wir wollen heute im Garten essen, sagte sie.";
    List<Token> tokens = new GermanAnalyzer(GermanVariant.DE_CH).analyze(text, 120);
    assertThat(PartOfSpeechClasses.of(text, 120, tokens)).isEqualTo(CLASSES.of(text));
  }

  @Test
  void classesStayInsideTheEmbeddingTheDetectorWasTrainedWith() {
    int[] c = CLASSES.of("Die 3 neuen Häuser stehen am Fluss, sagte Müller gestern sehr leise.");
    for (int v : c) {
      assertThat(v).isBetween(PartOfSpeechClasses.NOT_A_TOKEN, PartOfSpeechClasses.COUNT - 1);
    }
  }
}
