package dragoman.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into paragraphs: every newline ends one, blank lines are dropped, and each
 * span is stripped of surrounding whitespace.
 */
public final class ParagraphSplitter {
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        Span line = new Span(lineStart, i).strip(text);
        if (line.length() > 0) {
          out.add(line);
        }
        lineStart = i + 1;
      }
    }
    return out;
  }
}
