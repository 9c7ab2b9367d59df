package dragoman.text;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Document} from normalised text: paragraphs first, then sentences in each. */
public final class DocumentSegmenter {
  private final ParagraphSplitter paragraphs = new ParagraphSplitter();
  private final SentenceSplitter sentences;

  public DocumentSegmenter(SentenceSplitter sentences) {
    this.sentences = sentences;
  }

  public DocumentSegmenter(Language language) {
    this(new SrxSentenceSplitter(language));
  }

  public Document segment(String docId, String text) {
    List<Paragraph> out = new ArrayList<>();
    int p = 0;
    for (Span para : paragraphs.split(text)) {
      List<Segment> segs = new ArrayList<>();
      int s = 0;
      for (Span sent : sentences.split(text, para.start(), para.end())) {
        segs.add(
            new Segment(
                Segment.idOf(docId, p, s),
                docId,
                p,
                s,
                sent.start(),
                sent.end(),
                text.substring(sent.start(), sent.end())));
        s++;
      }
      out.add(new Paragraph(p, para.start(), para.end(), segs));
      p++;
    }
    return new Document(docId, text, out);
  }
}
