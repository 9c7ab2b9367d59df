package dragoman.text;

import java.util.List;

/**
 * A segmented document. All offsets in its paragraphs and segments are UTF-16 indices into {@link
 * #text()}, the decoded and normalised text (NFC, LF line ends).
 */
public record Document(String id, String text, List<Paragraph> paragraphs) {
  public Document {
    paragraphs = List.copyOf(paragraphs);
  }

  /** All segments in reading order. */
  public List<Segment> segments() {
    return paragraphs.stream().flatMap(p -> p.segments().stream()).toList();
  }
}
