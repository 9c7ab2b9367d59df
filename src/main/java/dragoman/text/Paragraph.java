package dragoman.text;

import java.util.List;

/** A paragraph: one line of plain-text input (a single newline ends a paragraph). */
public record Paragraph(int index, int start, int end, List<Segment> segments) {
  public Paragraph {
    segments = List.copyOf(segments);
  }
}
