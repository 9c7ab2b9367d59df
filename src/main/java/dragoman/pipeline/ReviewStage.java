package dragoman.pipeline;

import dragoman.review.SegmentReview;
import dragoman.text.Document;
import java.util.List;

/**
 * The review step of {@code dragoman run}: flags German segments that look machine-translated.
 * Called for several documents at once (up to {@code --jobs}), so implementations are thread-safe.
 * The review package's reviewer is adapted to this in {@link Stages#review}.
 */
public interface ReviewStage {
  /** A name for reports and the resume manifest, e.g. "review 0.1 threshold 0.5". */
  String name();

  /** One review per segment of {@code document}, in {@link Document#segments()} order. */
  List<SegmentReview> review(Document document);
}
