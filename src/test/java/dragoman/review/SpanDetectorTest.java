package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned span detector run from Java through DJL's ONNX Runtime engine. */
class SpanDetectorTest {
  private static final SpanDetector DETECTOR = new SpanDetector();

  @Test
  void matchesThePyTorchModelItWasExportedFrom() throws Exception {
    JsonNode ref;
    try (InputStream in =
        SpanDetectorTest.class.getResourceAsStream(
            "/dragoman/review/span-detector-reference.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    assertThat(ref.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode r : ref) {
      assertThat(DETECTOR.badProbability(r.get("text").asText()))
          .as(r.get("text").asText())
          .isCloseTo(r.get("badProbability").asDouble(), within(1e-4));
    }
  }

  @Test
  void everyCharacterGetsADistributionOverTheClasses() {
    String text = "Der Hund schläft im Garten.";
    float[][] p = DETECTOR.probabilities(text);
    assertThat(p).hasNumberOfRows(text.length());
    for (float[] row : p) {
      assertThat(row).hasSize(DETECTOR.classes().size());
      double sum = 0;
      for (float v : row) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-4));
    }
    assertThat(DETECTOR.classes().get(0)).isEqualTo("ok");
    assertThat(SpanDetector.MESSAGES.keySet())
        .containsExactlyInAnyOrderElementsOf(
            DETECTOR.classes().subList(1, DETECTOR.classes().size()));
  }

  @Test
  void longTextIsRunWindowByWindow() {
    String text = "Der Hund schläft im Garten. ".repeat(40);
    assertThat(DETECTOR.probabilities(text)).hasNumberOfRows(text.length());
  }

  @Test
  void findingsCarryAClassAndAnEnglishMessageAtDocumentOffsets() {
    var doc =
        Shared.document(
            "Vorher. Er hat das Haus gestern gekauft Lesen Sie Mehr und ist zufrieden.");
    var seg = doc.segments().get(doc.segments().size() - 1);
    List<Finding> fs = DETECTOR.detect(seg, null);
    for (Finding f : fs) {
      assertThat(f.detector()).isEqualTo(SpanDetector.ID);
      assertThat(DETECTOR.classes()).contains(f.rule());
      assertThat(f.start()).isGreaterThanOrEqualTo(seg.start());
      assertThat(f.end()).isLessThanOrEqualTo(seg.end());
      assertThat(f.message()).contains("learned detector, p=");
    }
  }
}
