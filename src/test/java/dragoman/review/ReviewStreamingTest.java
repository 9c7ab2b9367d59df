package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reviews are handed out one segment at a time, before the next segment is looked at. */
class ReviewStreamingTest {
  @Test
  void eachReviewReachesTheSinkBeforeTheNextSegmentIsReviewed() throws Exception {
    CountingDetector counting = new CountingDetector();
    Reviewer reviewer =
        new Reviewer(
            ReviewOptions.defaults().withGrammar(false), ReviewModel.load(), List.of(counting));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("Der Hund Nummer ").append(i).append(" schläft im Garten. ");
    }
    Document doc = Shared.document(text.toString().strip());
    List<Integer> seenAtSink = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    reviewer.review(
        doc,
        Map.of(),
        (segment, review) -> {
          seenAtSink.add(counting.seen);
          ids.add(segment.id());
        });
    assertThat(doc.segments()).hasSize(30);
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      expected.add(i);
    }
    assertThat(seenAtSink).isEqualTo(expected);
    assertThat(ids).isEqualTo(doc.segments().stream().map(Segment::id).toList());
  }

  @Test
  void listAndStreamingReviewsAgree() throws Exception {
    Reviewer reviewer = new Reviewer(ReviewOptions.defaults().withGrammar(false));
    Document doc = Shared.document("Sie kam spät , blieb aber lange. Es war schön. Er ging heim.");
    List<SegmentReview> streamed = new ArrayList<>();
    reviewer.review(doc, Map.of(), (s, r) -> streamed.add(r));
    assertThat(streamed).isEqualTo(reviewer.review(doc));
  }
}
