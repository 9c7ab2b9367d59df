package dragoman.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalAnchorsTest {
  private final AlignOptions options = AlignOptions.defaults();

  @Test
  void sharedNumberMakesItsBeadCheaperThanAMismatch() {
    List<String> de = List.of("Der Gipfel ist 8848 m hoch.", "Sie kamen im Mai an.");
    List<String> en = List.of("The summit is 8848 m high.", "They arrived in May.");
    LexicalAnchors anchors = new LexicalAnchors(de, en, options);
    assertThat(anchors.cost(0, 1, 0, 1)).isNegative();
    assertThat(anchors.cost(0, 1, 1, 1)).isPositive();
  }

  @Test
  void groupedDigitsAreOneNumber() {
    List<String> de = List.of("Es waren 1'000 Meter.");
    List<String> en = List.of("It was 1,000 metres.");
    assertThat(new LexicalAnchors(de, en, options).cost(0, 1, 0, 1)).isNegative();
  }

  @Test
  void cognatesAndNamesMatchAcrossSpellings() {
    List<String> de = List.of("Die Expedition erreichte Kathmandu.", "Nichts davon.");
    List<String> fr = List.of("L'expédition atteignit Katmandou.", "Rien de cela.");
    LexicalAnchors anchors = new LexicalAnchors(de, fr, options);
    assertThat(anchors.cost(0, 1, 0, 1)).isNegative();
    assertThat(anchors.cost(0, 1, 1, 1)).isPositive();
  }

  @Test
  void wordsWithoutAnyCounterpartAreNoEvidence() {
    List<String> de = List.of("Wunderschöne Bergwelt.");
    List<String> en = List.of("Gorgeous mountains.");
    assertThat(new LexicalAnchors(de, en, options).cost(0, 1, 0, 1)).isZero();
  }

  @Test
  void questionMarkOnOneSideOnlyCosts() {
    List<String> de = List.of("Wer war das?", "Er war es.");
    List<String> en = List.of("Who was it?", "He was.");
    LexicalAnchors anchors = new LexicalAnchors(de, en, options);
    assertThat(anchors.cost(0, 1, 0, 1)).isZero();
    assertThat(anchors.cost(0, 1, 1, 1)).isEqualTo(options.punctuationPenalty());
  }

  @Test
  void insertionsAndDeletionsCostNothingHere() {
    List<String> de = List.of("Im Jahr 1956.");
    List<String> en = List.of("In 1956.");
    LexicalAnchors anchors = new LexicalAnchors(de, en, options);
    assertThat(anchors.cost(0, 1, 0, 0)).isZero();
    assertThat(anchors.cost(0, 0, 0, 1)).isZero();
  }
}
