package dragoman.pipeline;

import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import dragoman.review.Severity;
import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * A review stage for tests until the real reviewer is merged: flags each segment that contains one
 * of the given phrases, with a finding at the phrase's document offsets. Not a reviewer: it knows
 * only the phrases a test gives it.
 */
final class PhraseReview implements ReviewStage {
  private final List<String> phrases;

  PhraseReview(String... phrases) {
    this.phrases = List.of(phrases);
  }

  @Override
  public String name() {
    return "phrases " + phrases;
  }

  @Override
  public List<SegmentReview> review(Document document) {
    List<SegmentReview> out = new ArrayList<>();
    for (Segment s : document.segments()) {
      List<Finding> findings = new ArrayList<>();
      for (String p : phrases) {
        int i = s.text().indexOf(p);
        if (i >= 0) {
          int start = s.start() + i;
          findings.add(
              new Finding(
                  "test",
                  "phrase",
                  start,
                  start + p.length(),
                  "link text spliced into the sentence: \"" + p + "\"",
                  null,
                  Severity.MAJOR));
        }
      }
      out.add(
          new SegmentReview(
              findings.isEmpty() ? 0.1 : 0.9, !findings.isEmpty(), SegmentReview.PROSE, findings));
    }
    return out;
  }
}
