package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewModelTest {
  private static Finding f(String detector, String rule, Severity s) {
    return new Finding(detector, rule, 0, 1, "m", null, s);
  }

  private final ReviewModel model =
      new ReviewModel(
          -2,
          2,
          Map.of("surface/glued-words", 3.0),
          Map.of("MAJOR", 1.0),
          "test",
          0,
          0,
          0,
          0.5,
          0,
          List.of());

  @Test
  void noFindingsGiveTheInterceptProbability() {
    // sigmoid(-2) = 1 / (1 + e^2) = 0.11920...
    assertThat(model.score(List.of())).isCloseTo(0.119203, within(1e-6));
  }

  @Test
  void countsAreCappedPerRule() {
    Finding g = f("surface", "glued-words", Severity.MAJOR);
    // -2 + 3 * min(2, 3) = 4 -> sigmoid(4) = 0.98201...
    assertThat(model.score(List.of(g, g, g))).isCloseTo(0.982014, within(1e-6));
  }

  @Test
  void unseenRulesUseTheSeverityWeight() {
    // -2 + 1 = -1 -> sigmoid(-1) = 0.26894...
    assertThat(model.score(List.of(f("grammar", "NEW_RULE", Severity.MAJOR))))
        .isCloseTo(0.268941, within(1e-6));
    assertThat(model.score(List.of(f("grammar", "NEW_RULE", Severity.INFO))))
        .isCloseTo(0.119203, within(1e-6));
  }

  @Test
  void segmentLogOddsAddWithTheirWeightAndAreClipped() {
    ReviewModel m =
        new ReviewModel(-2, 2, Map.of(), Map.of(), "test", 0, 0, 0.5, 0.5, 0, List.of());
    // -2 + 0.5 * 2 = -1 -> sigmoid(-1) = 0.26894...
    assertThat(m.score(List.of(), 0, 0, 2)).isCloseTo(0.268941, within(1e-6));
    // no clip named: clipped at 4: -2 + 0.5 * 4 = 0 -> 0.5
    assertThat(m.score(List.of(), 0, 0, 40)).isCloseTo(0.5, within(1e-9));
    ReviewModel wide =
        new ReviewModel(-2, 2, Map.of(), Map.of(), "test", 0, 0, 0.5, 0.5, 8, List.of());
    // clipped at 8: -2 + 0.5 * 8 = 2 -> sigmoid(2) = 0.88079...
    assertThat(wide.score(List.of(), 0, 0, 40)).isCloseTo(0.880797, within(1e-6));
    assertThat(wide.score(List.of(), 0, 0, -40)).isCloseTo(0.002473, within(1e-6));
  }

  @Test
  void aDecisiveRuleRaisesTheScoreToTheThreshold() {
    ReviewModel m =
        new ReviewModel(
            -2,
            2,
            Map.of("structure/two-finite-verbs", 3.0),
            Map.of(),
            "test",
            0,
            0,
            0,
            0.7,
            0,
            List.of("structure/two-finite-verbs", "structure/verb-second"));
    // no weight: -2 -> sigmoid(-2) = 0.119, raised to the threshold
    assertThat(m.score(List.of(f("structure", "verb-second", Severity.MAJOR)))).isEqualTo(0.7);
    // above the threshold already: -2 + 3 = 1 -> sigmoid(1) = 0.73106, kept
    assertThat(m.score(List.of(f("structure", "two-finite-verbs", Severity.MAJOR))))
        .isCloseTo(0.731059, within(1e-6));
    // a rule not listed is not raised
    assertThat(m.score(List.of(f("surface", "glued-words", Severity.MAJOR))))
        .isCloseTo(0.119203, within(1e-6));
  }

  @Test
  void shippedWeightsLoad() {
    ReviewModel shipped = ReviewModel.load();
    assertThat(shipped.cap()).isPositive();
    assertThat(shipped.fittedOn()).isNotBlank();
  }

  @Test
  void theShippedWeightsCarryTheDefaultThresholdTheCliUses() {
    // The eval scripts read the threshold from weights.json; the CLI's default is a constant.
    assertThat(ReviewModel.load().threshold()).isEqualTo(ReviewOptions.DEFAULT_THRESHOLD);
  }
}
