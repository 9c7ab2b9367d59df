package dragoman.review;

import dragoman.text.Segment;
import java.util.List;

/** A detector that finds nothing and counts the segments it has been asked about. */
final class CountingDetector implements Detector {
  int seen;

  @Override
  public String id() {
    return "counting";
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    seen++;
    return List.of();
  }
}
