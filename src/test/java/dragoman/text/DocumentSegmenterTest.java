package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSegmenterTest {
  private final DocumentSegmenter segmenter = new DocumentSegmenter(Language.GERMAN);

  @Test
  void segmentIdsCountParagraphsAndSentencesFromZero() {
    Document doc = segmenter.segment("a", "Eins. Zwei.\n\nDrei.");
    assertThat(doc.segments().stream().map(Segment::id))
        .containsExactly("a#p0.s0", "a#p0.s1", "a#p1.s0");
  }

  @Test
  void segmentTextIsTheDocumentSubstringAtItsOffsets() {
    String text = " date 2024-10 Berlin\n„Gut.“ Sie nickte 😀. Danach ging sie.\n—";
    Document doc = segmenter.segment("d", text);
    List<Segment> segments = doc.segments();
    assertThat(segments)
        .extracting(Segment::text)
        .containsExactly(
            "date 2024-10 Berlin", "„Gut.“", "Sie nickte 😀.", "Danach ging sie.", "—");
    for (Segment s : segments) {
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
    // The emoji is two UTF-16 units: offsets after it count both, as JavaScript does.
    Segment after = segments.get(3);
    assertThat(after.start()).isEqualTo(text.indexOf("Danach"));
  }

  @Test
  void nonProseLinesAreSegmentsOfTheirOwn() {
    Document doc = segmenter.segment("n", "Von Anna Berg, CNN\nAktualisiert 14:03 Uhr\nDer Text.");
    assertThat(doc.segments())
        .extracting(Segment::text)
        .containsExactly("Von Anna Berg, CNN", "Aktualisiert 14:03 Uhr", "Der Text.");
  }
}
