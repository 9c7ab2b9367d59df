package dragoman.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dragoman.align.SegmentAlignment;
import dragoman.mt.TranslationInfo;
import dragoman.review.SegmentReview;
import dragoman.text.Segment;

/**
 * One line of Dragoman's JSONL: {@code {"id","doc","start","end","de","en","mt",
 * "review","align"}}. Fields a stage has not filled are left out.
 *
 * @param en the English counterpart: our translation, or the aligned target sentences
 * @param mt how {@code en} was produced when it is our machine translation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "doc", "start", "end", "de", "en", "mt", "review", "align"})
public record SegmentRecord(
    String id,
    String doc,
    int start,
    int end,
    String de,
    String en,
    TranslationInfo mt,
    SegmentReview review,
    SegmentAlignment align) {
  public static SegmentRecord of(Segment s) {
    return new SegmentRecord(s.id(), s.doc(), s.start(), s.end(), s.text(), null, null, null, null);
  }

  public SegmentRecord withEnglish(String english, TranslationInfo info) {
    return new SegmentRecord(id, doc, start, end, de, english, info, review, align);
  }

  public SegmentRecord withReview(SegmentReview r) {
    return new SegmentRecord(id, doc, start, end, de, en, mt, r, align);
  }

  public SegmentRecord withAlign(SegmentAlignment a) {
    return new SegmentRecord(id, doc, start, end, de, en, mt, review, a);
  }
}
