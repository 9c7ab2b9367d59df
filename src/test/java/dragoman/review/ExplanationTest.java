package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.text.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  @Test
  void underlinesTheFindingBelowItsWords() {
    // Segment "Er kam spät ." at document offset 10; the finding covers " ." (offsets 21-23).
    Finding f =
        new Finding(
            "surface", "space-before-punctuation", 21, 23, "space before '.'", ".", Severity.MAJOR);
    Segment s = new Segment("d#p0.s1", "d", 0, 1, 10, 23, "Er kam spät .");
    SegmentReview r = new SegmentReview(0.9, true, SegmentReview.PROSE, List.of(f));
    List<String> lines = Explanation.of(s, r).lines().toList();
    assertThat(lines.get(0)).isEqualTo("d#p0.s1  score 0.90");
    assertThat(lines.get(1)).isEqualTo("  Er kam spät .");
    assertThat(lines.get(2))
        .startsWith("             ^^ surface/space-before-punctuation: space before '.'");
  }
}
