package dragoman.review;

import dragoman.align.Bead;
import dragoman.align.SentenceAligner;
import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The English source aligned to each German segment, for {@link SourceAwareDetector}: the sentences
 * of both documents are aligned with the bead search (length and anchors, no model), and every
 * German segment of a bead gets the bead's English sentences joined.
 */
public final class SourceAlignment {
  private final SentenceAligner aligner;

  public SourceAlignment(SentenceAligner aligner) {
    this.aligner = aligner;
  }

  /** Segment id to aligned English; segments in 1-0 beads (no English) are left out. */
  public Map<String, String> englishBySegment(Document german, Document english) {
    List<Segment> de = german.segments();
    List<Segment> en = english.segments();
    List<Bead> beads =
        aligner.align(
            de.stream().map(Segment::text).toList(), en.stream().map(Segment::text).toList());
    Map<String, String> out = new HashMap<>();
    for (Bead b : beads) {
      if (b.target().isEmpty()) {
        continue;
      }
      String joined =
          b.target().stream().map(i -> en.get(i).text()).collect(Collectors.joining(" "));
      for (int i : b.source()) {
        out.put(de.get(i).id(), joined);
      }
    }
    return out;
  }
}
