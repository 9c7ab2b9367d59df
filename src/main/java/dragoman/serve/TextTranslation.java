package dragoman.serve;

import dragoman.text.Document;
import dragoman.text.DocumentSegmenter;
import dragoman.text.Language;
import dragoman.text.Segment;
import dragoman.text.TextNormalizer;
import java.util.List;

/**
 * Plain text as {@code dragoman translate} sees it: normalised, cut into paragraphs and sentences
 * by the same segmenter, so each sentence reaches the model exactly as the command line sends it
 * and gets the same English. The English text keeps everything between the sentences (spaces, line
 * breaks) as it was.
 */
final class TextTranslation {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final DocumentSegmenter segmenter = new DocumentSegmenter(Language.GERMAN);

  /** A text and its sentences. */
  record Cut(String text, List<Segment> segments) {
    List<String> sentences() {
      return segments.stream().map(Segment::text).toList();
    }

    /** The text with each sentence replaced by its translation. */
    String join(List<String> english) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      for (int i = 0; i < segments.size(); i++) {
        Segment s = segments.get(i);
        out.append(text, at, s.start()).append(english.get(i));
        at = s.end();
      }
      return out.append(text, at, text.length()).toString();
    }
  }

  /** The normalised text, cut into sentences (the segmenter is not shared between threads). */
  Cut cut(String text) {
    String normal = normalizer.normalize(text);
    Document doc;
    synchronized (segmenter) {
      doc = segmenter.segment("q", normal);
    }
    return new Cut(normal, doc.segments());
  }

  /** The normalised text: what the character limit counts. */
  String normalize(String text) {
    return normalizer.normalize(text);
  }
}
