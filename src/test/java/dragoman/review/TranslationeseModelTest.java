package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranslationeseModelTest {
  /**
   * A toy model whose function words are just "der" and "hat", so features can be derived by hand.
   */
  private static TranslationeseModel toy(double bias, Map<String, Double> weights) {
    return new TranslationeseModel(bias, weights, Set.of("der", "hat"), "test");
  }

  @Test
  void featuresAreWordsWordPairsAndShapeTrigrams() {
    // Tokens: Der Bergführer hat 1956 gewartet . (quotes dropped)
    // words kept: der, hat (function words), gewartet (lower case); Bergführer -> C, 1956 -> 0
    List<String> expected =
        List.of(
            "b:0 gewartet",
            "b:C hat",
            "b:der C",
            "b:gewartet .",
            "b:hat 0",
            "s:0 L .",
            "s:<s> der C",
            "s:C hat 0",
            "s:L . </s>",
            "s:der C hat",
            "s:hat 0 L",
            "w:der",
            "w:gewartet",
            "w:hat");
    assertThat(toy(0, Map.of()).features("Der „Bergführer“ hat 1956 gewartet."))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void typesettingAndSwissSpellingDoNotChangeFeatures() {
    TranslationeseModel m = toy(0, Map.of());
    assertThat(m.features("»Er weiß es«, sagte sie."))
        .isEqualTo(m.features("\"Er weiss es\", sagte sie."));
    assertThat(m.features("Er weiß es.")).isNotEqualTo(m.features("Er wusste es."));
  }

  @Test
  void namesEnterOnlyAsTheirShape() {
    TranslationeseModel m = toy(0, Map.of());
    assertThat(m.features("Der Gipfel hat gewartet."))
        .isEqualTo(m.features("Der Everest hat gewartet."));
  }

  @Test
  void logitIsBiasPlusLengthNormalisedWeights() {
    TranslationeseModel m = toy(-1, Map.of("w:gewartet", 2.0, "b:der C", 1.0));
    // 14 distinct features (see above): -1 + (2 + 1) / sqrt(14)
    assertThat(m.logit("Der Bergführer hat 1956 gewartet."))
        .isCloseTo(-1 + 3 / Math.sqrt(14), within(1e-12));
    assertThat(m.logit("")).isEqualTo(-1);
  }

  @Test
  void shippedModelScoresTranslationeseAboveIdiomaticGerman() {
    TranslationeseModel m = TranslationeseModel.load();
    assertThat(m.weights()).isNotEmpty();
    double machine =
        m.logit(
            "Es ist wichtig zu beachten, dass einige der Mitglieder sollten in der Lage sein, um"
                + " die Entscheidung zu treffen.");
    double human = m.logit("Na ja, das hat er doch schon immer so gemacht, oder etwa nicht?");
    // A ranking signal: the combiner weighs and offsets it, so only the order and the idiomatic
    // sentence's side of zero are asserted, not where the translationese one falls.
    assertThat(machine).isGreaterThan(human + 1);
    assertThat(human).isLessThan(0);
  }
}
