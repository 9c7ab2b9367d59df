package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dragoman.text.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The span detector's per-class thresholds: the shipped file and what they do to findings. */
class SpanThresholdsTest {
  private static final SpanThresholds SHIPPED = SpanThresholds.load();

  private static final String[] TEXTS = {
    "Der Minister wird morgen bekannt geben die Ergebnisse der Untersuchung.",
    "Er hat das Haus gestern gekauft Lesen Sie Mehr und ist zufrieden.",
    "Sie kam spät ,blieb aber lange und sagte , dass sie müde sei .",
    "Die Kinder spielt im Hof, und der Vater koche das Essen.",
    "Die Regierung hat beschlossen the new rules to implement ab nächstem Jahr."
  };

  @Test
  void everyClassOfTheShippedModelHasAThresholdAndEveryThresholdNamesAClass() {
    try (SpanDetector detector = new SpanDetector()) {
      List<String> classes = detector.classes();
      assertThat(SHIPPED.classes().keySet())
          .containsExactlyInAnyOrderElementsOf(classes.subList(1, classes.size()));
    }
    assertThat(SHIPPED.fittedOn()).isNotBlank();
  }

  @Test
  void eachFindingReachesItsOwnClassThresholdSomewhereInsideIt() {
    try (SpanDetector detector = new SpanDetector(uniform(0.5))) {
      Map<String, Double> mixed = new HashMap<>(uniform(0.5).classes());
      mixed.put("punctuation", 0.97);
      mixed.put("untranslated", 0.6);
      try (SpanDetector mixedDetector = new SpanDetector(new SpanThresholds(mixed, "test"))) {
        int checked = 0;
        for (String text : TEXTS) {
          Segment seg = Shared.document(text).segments().get(0);
          float[][] p = mixedDetector.probabilities(seg.text());
          for (Finding f : mixedDetector.detect(seg, null)) {
            if (f.rule().equals(SpanDetector.MACHINE_LIKE)) {
              continue;
            }
            double peak = 0;
            for (int k = f.start() - seg.start(); k < f.end() - seg.start(); k++) {
              peak = Math.max(peak, 1 - p[k][0]);
            }
            assertThat(peak).as(text + ": " + f).isGreaterThanOrEqualTo(mixed.get(f.rule()));
            checked++;
          }
        }
        assertThat(checked).isPositive();
      }
      assertThat(detector.thresholds().floor()).isEqualTo(0.5);
    }
  }

  @Test
  void aClassWhoseThresholdCannotBeReachedDisappearsAndTheOthersStay() {
    try (SpanDetector low = new SpanDetector(uniform(0.5))) {
      List<Finding> all = new java.util.ArrayList<>();
      for (String text : TEXTS) {
        Segment seg = Shared.document(text).segments().get(0);
        all.addAll(low.detect(seg, null));
      }
      String silenced =
          all.stream()
              .map(Finding::rule)
              .filter(r -> !r.equals(SpanDetector.MACHINE_LIKE))
              .findFirst()
              .orElseThrow();
      Map<String, Double> classes = new HashMap<>(uniform(0.5).classes());
      classes.put(silenced, 1.0);
      try (SpanDetector without = new SpanDetector(new SpanThresholds(classes, "test"))) {
        List<Finding> rest = new java.util.ArrayList<>();
        for (String text : TEXTS) {
          Segment seg = Shared.document(text).segments().get(0);
          rest.addAll(without.detect(seg, null));
        }
        assertThat(rest).noneMatch(f -> f.rule().equals(silenced));
        // Findings of the other classes are the same, except where a silenced run left the whole
        // segment to the segment head.
        assertThat(rest.stream().filter(f -> !f.rule().equals(SpanDetector.MACHINE_LIKE)))
            .containsExactlyElementsOf(
                all.stream()
                    .filter(f -> !f.rule().equals(silenced))
                    .filter(f -> !f.rule().equals(SpanDetector.MACHINE_LIKE))
                    .toList());
      }
    }
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefusedWithTheClassNamed() {
    assertThatThrownBy(() -> new SpanThresholds(Map.of("agreement", 1.5), "test"))
        .hasMessageContaining("agreement")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new SpanThresholds(Map.of(), "test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SpanThresholds uniform(double t) {
    Map<String, Double> classes = new HashMap<>();
    for (String c : SHIPPED.classes().keySet()) {
      classes.put(c, t);
    }
    return new SpanThresholds(classes, "test");
  }
}
