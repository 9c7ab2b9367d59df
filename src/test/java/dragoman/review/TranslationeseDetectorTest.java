package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranslationeseDetectorTest {
  private static List<Finding> findings(TranslationeseModel model, String text) {
    Document doc = Shared.document("Vorher. " + text);
    Segment s = doc.segments().get(1);
    return new TranslationeseDetector(model).detect(s, null);
  }

  /**
   * Function words "es" and "sollte"; the pair "es sollte" is what a toy model calls machine-like.
   */
  private static final TranslationeseModel TOY =
      new TranslationeseModel(
          0.0,
          Map.of("b:es sollte", 6.0, "w:doch", -8.0),
          Set.of("es", "sollte", "doch", "nicht"),
          "test");

  @Test
  void pointsAtTheHeaviestSequenceWithDocumentOffsets() {
    String text = "Morgen es sollte regnen.";
    List<Finding> fs = findings(TOY, text);
    assertThat(fs).hasSize(1);
    Finding f = fs.get(0);
    assertThat(f.rule()).isEqualTo(TranslationeseDetector.RULE);
    assertThat(f.severity()).isEqualTo(Severity.MINOR);
    // the segment starts after "Vorher. " (8 characters)
    assertThat(("Vorher. " + text).substring(f.start(), f.end())).isEqualTo("es sollte");
    assertThat(f.message()).contains("es sollte");
  }

  @Test
  void saysNothingWhenTheSegmentLeansHuman() {
    assertThat(findings(TOY, "Morgen es sollte doch regnen.")).isEmpty();
    assertThat(findings(TOY, "Morgen regnet es nicht.")).isEmpty();
  }

  @Test
  void saysNothingWhenTheModelIsNotConfident() {
    TranslationeseModel mild =
        new TranslationeseModel(0.0, Map.of("b:es sollte", 1.0), Set.of("es", "sollte"), "test");
    assertThat(mild.logit("Morgen es sollte regnen.")).isPositive();
    assertThat(findings(mild, "Morgen es sollte regnen.")).isEmpty();
  }

  @Test
  void singleWordsAreTooVagueToReport() {
    TranslationeseModel words =
        new TranslationeseModel(0.0, Map.of("w:regnen", 5.0), Set.of("es"), "test");
    assertThat(findings(words, "Morgen wird es regnen.")).isEmpty();
  }

  @Test
  void shippedModelLeansMachineOnATranslationeseSentenceAndMarksNoIdiomaticOne() {
    TranslationeseModel m = TranslationeseModel.load();
    String translationese =
        "Es ist wichtig zu beachten, dass einige der Mitglieder sollten in der Lage sein,"
            + " um die Entscheidung zu treffen.";
    String idiomatic = "Na ja, das hat er doch schon immer so gemacht, oder etwa nicht?";
    assertThat(m.logit(translationese)).isGreaterThan(m.logit(idiomatic) + 1);
    assertThat(findings(m, translationese))
        .allMatch(f -> f.detector().equals(TranslationeseDetector.ID));
    assertThat(findings(m, idiomatic)).isEmpty();
  }
}
