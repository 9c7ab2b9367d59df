package dragoman.text;

import java.util.List;

/** Splits one paragraph into sentences. */
public interface SentenceSplitter {
  /**
   * Sentence spans within {@code text[from, to)}, in order, stripped of surrounding whitespace and
   * never empty. Offsets are into {@code text}.
   */
  List<Span> split(String text, int from, int to);
}
