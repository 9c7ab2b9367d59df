package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentReviewTest {
  @Test
  void signalsKeepOneOrderWhateverMapTheyCameIn() {
    // Map.of iterates in an order salted per JVM; the JSONL, and the resume manifest's hashes of
    // it, must come out the same in every process.
    SegmentReview r =
        new SegmentReview(
            0.5,
            false,
            SegmentReview.PROSE,
            List.of(),
            Map.of("translationese", 1.0, "learned", 2.0, "b", 3.0, "a", 4.0));
    assertThat(r.signals().keySet()).containsExactly("a", "b", "learned", "translationese");
  }
}
