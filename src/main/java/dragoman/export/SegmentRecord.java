package dragoman.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dragoman.text.Segment;

/**
 * One line of Dragoman's JSONL (DESIGN.md): a segment with its offsets, the German text and, as
 * later stages fill them in, the English text, review and alignment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "doc", "start", "end", "de", "en"})
public record SegmentRecord(String id, String doc, int start, int end, String de, String en) {
  public static SegmentRecord of(Segment s) {
    return new SegmentRecord(s.id(), s.doc(), s.start(), s.end(), s.text(), null);
  }
}
