package dragoman.align;

import java.util.List;

/**
 * One link of a sentence alignment: source sentence indices, target sentence indices (either may be
 * empty for 0-1 and 1-0 links, never both), and the cost the search gave it. Printed in vecalign's
 * format {@code [0,1]:[0]} by {@link #toVecalign()}.
 */
public record Bead(List<Integer> source, List<Integer> target, double cost) {
  public Bead {
    source = List.copyOf(source);
    target = List.copyOf(target);
    if (source.isEmpty() && target.isEmpty()) {
      throw new IllegalArgumentException("a bead links at least one sentence");
    }
  }

  /** vecalign's bead notation, e.g. {@code [0,1]:[0]} or {@code []:[3]}. */
  public String toVecalign() {
    return format(source) + ":" + format(target);
  }

  private static String format(List<Integer> ids) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(ids.get(i));
    }
    return b.append(']').toString();
  }
}
