package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDetectorTest {
  private final DocumentDetector detector = new DocumentDetector();

  private List<String> rulesOfSegment(String text, int index) {
    Document doc = Shared.document(text);
    Segment s = doc.segments().get(index);
    return detector.detect(s, Shared.context(doc)).stream().map(Finding::rule).toList();
  }

  @Test
  void marksDatelineBylineAndHeadlineAsNonProse() {
    String text =
        "Hamburg, 3. März\nVon Anna Beispiel\nNeue Fähre verbindet die Inseln\n"
            + "Die neue Fähre fährt ab Montag zweimal täglich.";
    assertThat(rulesOfSegment(text, 0)).containsExactly(DocumentDetector.NON_PROSE);
    assertThat(rulesOfSegment(text, 1)).containsExactly(DocumentDetector.NON_PROSE);
    assertThat(rulesOfSegment(text, 2)).containsExactly(DocumentDetector.NON_PROSE);
    assertThat(rulesOfSegment(text, 3)).isEmpty();
  }

  @Test
  void marksLinesWithoutLowercaseWordsAsNonProse() {
    assertThat(rulesOfSegment("ARD\nDer Sender berichtete am Abend.", 0))
        .containsExactly(DocumentDetector.NON_PROSE);
    assertThat(rulesOfSegment("—\nDer Sender berichtete am Abend.", 0))
        .containsExactly(DocumentDetector.NON_PROSE);
  }

  @Test
  void findsSentenceSharingNoNounWithItsDocument() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      sb.append("Die Fähre zur Insel fährt im Sommer häufiger als im Winter. ");
    }
    sb.append("Der Tennisverein ehrt seine Jugendspieler mit Pokalen, Urkunden und Medaillen.");
    Document doc = Shared.document(sb.toString());
    List<Segment> segs = doc.segments();
    Segment last = segs.get(segs.size() - 1);
    assertThat(detector.detect(last, Shared.context(doc)))
        .extracting(Finding::rule)
        .containsExactly("unrelated-segment");
    assertThat(detector.detect(segs.get(0), Shared.context(doc))).isEmpty();
  }
}
