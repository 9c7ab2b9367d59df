package dragoman.align;

import java.util.List;

/**
 * Where one source segment went in an alignment: the bead it belongs to, as indices into the
 * document's source and target sentence lists, and the bead's cost. Stored in a segment's JSONL
 * record under "align".
 *
 * @param bead index of the bead in the document's alignment
 * @param source source sentence indices of that bead (this segment among them)
 * @param target target sentence indices of that bead (empty for a 1-0 link)
 * @param cost the bead's cost
 */
public record SegmentAlignment(int bead, List<Integer> source, List<Integer> target, double cost) {
  public SegmentAlignment {
    source = List.copyOf(source);
    target = List.copyOf(target);
  }
}
