package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAwareDetectorTest {
  /**
   * A translator that knows a fixed set of sentences: enough to drive the comparison logic here.
   * The Marian engine itself is tested in dragoman.mt.
   */
  private record TableTranslator(Map<String, String> table) implements Translator {
    @Override
    public List<Translation> translate(List<String> sentences) {
      return sentences.stream()
          .map(s -> new Translation(table.getOrDefault(s, ""), List.of(), 0, 1))
          .toList();
    }

    @Override
    public String modelName() {
      return "table";
    }

    @Override
    public void close() {}
  }

  private static List<String> rules(
      String german, String english, Map<String, String> deEn, Map<String, String> enDe) {
    Document doc = Shared.document(german);
    Segment s = doc.segments().get(0);
    DocumentContext context =
        new DocumentContext(
            doc,
            GermanVariant.DE_DE,
            x -> Shared.analyzer().analyze(x.text(), x.start()),
            Map.of(s.id(), english));
    SourceAwareDetector d =
        new SourceAwareDetector(
            new TableTranslator(deEn),
            enDe == null ? null : new TableTranslator(enDe),
            SourceAwareDetector.DEFAULT_MIN_CHRF,
            SourceAwareDetector.DEFAULT_ROUND_TRIP_CHRF);
    return d.detect(s, context).stream().map(Finding::rule).toList();
  }

  @Test
  void flagsGermanWhoseBackTranslationMissesTheSource() {
    String de = "Die Raketen wurden entworfen, um Schalter zu bauen.";
    assertThat(
            rules(
                de,
                "The missiles were designed to counter tank attacks.",
                Map.of(de, "The rockets were drafted to build switches."),
                null))
        .containsExactly("meaning-drift");
  }

  @Test
  void acceptsGermanWhoseBackTranslationMatchesTheSource() {
    String de = "Die Raketen sollten Panzerangriffe abwehren.";
    assertThat(
            rules(
                de,
                "The missiles were designed to counter tank attacks.",
                Map.of(de, "The missiles were designed to counter tank attacks."),
                null))
        .isEmpty();
  }

  @Test
  void notesGermanThatSurvivesTheRoundTrip() {
    String de = "Die Regierung hat heute neue Regeln beschlossen.";
    String en = "The government adopted new rules today.";
    assertThat(rules(de, en, Map.of(de, en), Map.of(en, de))).containsExactly("round-trip-stable");
    assertThat(
            rules(
                de,
                en,
                Map.of(de, en),
                Map.of(en, "Heute verabschiedete das Kabinett ein neues Regelwerk.")))
        .isEmpty();
  }
}
