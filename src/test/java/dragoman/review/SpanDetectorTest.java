package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
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
      assertThat(DETECTOR.segmentProbability(r.get("text").asText()))
          .as("segment head: " + r.get("text").asText())
          .isCloseTo(r.get("segmentProbability").asDouble(), within(1e-4));
    }
  }

  @Test
  void findingsNeverOverlapAndEachCoversWholeWords() {
    String[] texts = {
      "Der Minister wird morgen bekannt geben die Ergebnisse der Untersuchung.",
      "Er hat das Haus gestern gekauft Lesen Sie Mehr und ist zufrieden.",
      "Sie kam spät ,blieb aber lange und sagte , dass sie müde sei .",
      "Die Kinder spielt im Hof, und der Vater koche das Essen."
    };
    int findings = 0;
    for (String text : texts) {
      var seg = Shared.document(text).segments().get(0);
      List<Finding> fs = DETECTOR.detect(seg, null);
      for (int k = 0; k < fs.size(); k++) {
        Finding f = fs.get(k);
        int a = f.start() - seg.start();
        int b = f.end() - seg.start();
        assertThat(a == 0 || !Character.isLetterOrDigit(text.charAt(a - 1))).as(text).isTrue();
        assertThat(b == text.length() || !Character.isLetterOrDigit(text.charAt(b)))
            .as(text)
            .isTrue();
        if (k > 0) {
          assertThat(f.start()).as(text).isGreaterThanOrEqualTo(fs.get(k - 1).end());
        }
      }
      findings += fs.size();
    }
    assertThat(findings).isPositive();
  }

  @Test
  void aSegmentTheHeadFindsMachineLikeWithoutASpanIsExplainedByOneFinding() {
    // Find, among plain sentences, one the segment head scores as machine-like while no character
    // passes the lowest span threshold; its single finding must name the segment head and underline
    // a
    // word.
    String[] candidates = {
      "Es ist wichtig zu beachten, dass die Ergebnisse in Bezug auf die Umsetzung variieren können.",
      "Die Regierung sagte, dass sie weiterhin die Situation überwachen wird und Maßnahmen ergreifen.",
      "Dies ist ein Schritt in die richtige Richtung, sagte der Sprecher gegenüber den Medien.",
      "Er sagte, dass es viele Dinge gibt, die getan werden müssen, um dies zu ermöglichen.",
      "Der Hund schläft im Garten.",
      "Gestern kaufte sie eine teure Lampe für das Wohnzimmer."
    };
    int checked = 0;
    int machineLike = 0;
    for (String text : candidates) {
      var doc = Shared.document(text);
      var seg = doc.segments().get(0);
      SpanDetector.Scores scores = DETECTOR.scores(seg.text());
      List<Finding> fs = DETECTOR.detect(seg, null);
      boolean anySpan = false;
      for (float[] row : scores.probabilities()) {
        anySpan |= 1 - row[0] >= DETECTOR.thresholds().floor();
      }
      if (anySpan) {
        continue;
      }
      if (scores.segmentProbability() >= SpanDetector.MACHINE_LIKE_PROBABILITY) {
        machineLike++;
        assertThat(fs)
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.rule()).isEqualTo(SpanDetector.MACHINE_LIKE);
                  assertThat(f.end()).isGreaterThan(f.start());
                  assertThat(seg.text().substring(f.start() - seg.start(), f.end() - seg.start()))
                      .matches("\\p{L}[\\p{L}\\p{N}]*|\\p{N}+|\\S");
                });
      } else {
        assertThat(fs).isEmpty();
      }
      checked++;
    }
    // Both branches must have been exercised, or the test proves nothing about either.
    assertThat(machineLike).isPositive();
    assertThat(checked - machineLike).isPositive();
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
    assertThat(DETECTOR.wordClassCount()).isGreaterThanOrEqualTo(WordClasses.COUNT);
    assertThat(DETECTOR.posClassCount())
        .satisfiesAnyOf(
            n -> assertThat(n).isZero(),
            n -> assertThat(n).isGreaterThanOrEqualTo(PartOfSpeechClasses.COUNT));
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
    // Spliced link text: a span, or at least the whole-segment finding.
    assertThat(fs).isNotEmpty();
    List<String> rules = new ArrayList<>(DETECTOR.classes().subList(1, DETECTOR.classes().size()));
    rules.add(SpanDetector.MACHINE_LIKE);
    for (Finding f : fs) {
      assertThat(f.detector()).isEqualTo(SpanDetector.ID);
      assertThat(f.rule()).isIn(rules);
      assertThat(f.start()).isGreaterThanOrEqualTo(seg.start());
      assertThat(f.end()).isLessThanOrEqualTo(seg.end());
      assertThat(f.message()).contains("learned detector, p=");
    }
  }
}
