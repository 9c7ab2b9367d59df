package dragoman.export;

import dragoman.align.SegmentAlignment;
import dragoman.mt.TranslationInfo;
import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import dragoman.review.Severity;
import java.util.List;

/** Hand-made records for the export tests: offsets counted from the document text below. */
final class Samples {
  private Samples() {}

  /** A document of two paragraphs; each sentence's offsets are found in it with indexOf. */
  static final String TEXT =
      "Daher ist es leicht, den 1. November abzutun versprechen Die Aussage stimmt."
          + " Er sagte \"<script>alert('x')</script>\" <!-- nicht -->.\n"
          + "Das ist gut.";

  static final String S0 =
      "Daher ist es leicht, den 1. November abzutun versprechen Die Aussage stimmt.";
  static final String S1 = "Er sagte \"<script>alert('x')</script>\" <!-- nicht -->.";
  static final String S2 = "Das ist gut.";

  static int at(String sentence) {
    int i = TEXT.indexOf(sentence);
    if (i < 0) {
      throw new IllegalStateException("not in TEXT: " + sentence);
    }
    return i;
  }

  static SegmentRecord record(String id, String de) {
    int s = at(de);
    return new SegmentRecord("doc#" + id, "doc", s, s + de.length(), de, null, null, null, null);
  }

  /** The link-text splice finding over "versprechen Die Aussage" in {@link #S0}. */
  static Finding splice() {
    int s = TEXT.indexOf("versprechen Die Aussage");
    return new Finding(
        "structure",
        "link-text-spliced",
        s,
        s + "versprechen Die Aussage".length(),
        "link text spliced into the sentence",
        "versprechen. Die Aussage",
        Severity.MAJOR);
  }

  /** Three records: S0 flagged with English, S1 unflagged with English, S2 without English. */
  static List<SegmentRecord> reviewed() {
    SegmentRecord r0 =
        record("p0.s0", S0)
            .withReview(new SegmentReview(0.91, true, SegmentReview.PROSE, List.of(splice())))
            .withEnglish(
                "So it is easy to dismiss the November 1 promise. The statement holds.",
                new TranslationInfo("opus-mt-de-en", -0.42, 1));
    SegmentRecord r1 =
        record("p0.s1", S1)
            .withReview(new SegmentReview(0.12, false, SegmentReview.PROSE, List.of()))
            .withEnglish("He said \"<script>alert('x')</script>\" <!-- not -->.", null);
    SegmentRecord r2 =
        record("p1.s0", S2)
            .withReview(new SegmentReview(0.05, false, SegmentReview.PROSE, List.of()));
    return List.of(r0, r1, r2);
  }

  /** S0 and S1 aligned 2-1 to one English sentence (bead 0), S2 1-1 (bead 1). */
  static List<SegmentRecord> aligned() {
    SegmentAlignment b0 = new SegmentAlignment(0, List.of(0, 1), List.of(0), 0.3);
    SegmentAlignment b1 = new SegmentAlignment(1, List.of(2), List.of(1), 0.1);
    return List.of(
        record("p0.s0", S0).withAlign(b0).withEnglish("It is easy to dismiss it.", null),
        record("p0.s1", S1).withAlign(b0).withEnglish("It is easy to dismiss it.", null),
        record("p1.s0", S2).withAlign(b1).withEnglish("That is good.", null));
  }

  static ExportDocument doc(List<SegmentRecord> records) {
    return new ExportDocument("doc", "doc.txt", records);
  }
}
