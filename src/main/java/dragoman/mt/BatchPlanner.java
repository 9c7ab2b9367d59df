package dragoman.mt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups inputs into batches by a token budget: inputs sorted by length (longest first, so a batch
 * holds inputs of similar length and little padding), then each batch filled while {@code rows *
 * longest * rowsPerInput <= budget}. An input longer than the budget is a batch of its own. Each
 * batch lists indices into the original list, so results can be put back in input order.
 *
 * <p>When several workers decode batches side by side, inputs are grouped by {@code workers *
 * budget} and each group is dealt out like cards (first, third, fifth longest to one batch, the
 * others to the next), so the batches the workers take at the same time hold as many rows of nearly
 * the same lengths and finish together; a short document still uses every worker. Planned one
 * budget at a time instead, the batches of short sentences hold more rows, and on the speed
 * benchmark (fixed output length, 100 sentences) one worker sat idle while the other finished: a
 * quarter of the workers' time was spent outside the model (eval/results/speed.md, step 14).
 */
public final class BatchPlanner {
  private BatchPlanner() {}

  /**
   * @param lengths token count of each input
   * @param budget tokens per batch, padding included
   * @param rowsPerInput decoder rows an input takes (the beam width)
   * @return batches of original indices, each sorted longest first
   */
  public static List<int[]> plan(int[] lengths, int budget, int rowsPerInput) {
    return plan(lengths, budget, rowsPerInput, 1);
  }

  /**
   * @param workers batches decoded at the same time: inputs are grouped by {@code workers * budget}
   *     and each group dealt into this many batches (or one per input, if fewer)
   */
  public static List<int[]> plan(int[] lengths, int budget, int rowsPerInput, int workers) {
    if (budget < 1 || rowsPerInput < 1 || workers < 1) {
      throw new IllegalArgumentException("budget, rowsPerInput and workers must be positive");
    }
    List<int[]> groups = fill(lengths, (long) budget * workers, rowsPerInput);
    if (workers == 1) {
      return groups;
    }
    List<int[]> batches = new ArrayList<>();
    for (int[] group : groups) {
      batches.addAll(deal(group, Math.min(workers, group.length)));
    }
    return batches;
  }

  private static List<int[]> fill(int[] lengths, long budget, int rowsPerInput) {
    List<Integer> order =
        IntStream.range(0, lengths.length)
            .boxed()
            .sorted(Comparator.comparingInt((Integer i) -> -lengths[i]).thenComparingInt(i -> i))
            .toList();
    List<int[]> batches = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int longest = 0;
    for (int i : order) {
      int len = Math.max(1, lengths[i]);
      int widest = Math.max(longest, len);
      long cost = (long) (current.size() + 1) * widest * rowsPerInput;
      if (!current.isEmpty() && cost > budget) {
        batches.add(current.stream().mapToInt(Integer::intValue).toArray());
        current = new ArrayList<>();
        widest = len;
      }
      current.add(i);
      longest = widest;
    }
    if (!current.isEmpty()) {
      batches.add(current.stream().mapToInt(Integer::intValue).toArray());
    }
    return batches;
  }

  private static List<int[]> deal(int[] batch, int parts) {
    List<int[]> out = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int[] part = new int[(batch.length - p + parts - 1) / parts];
      for (int i = 0; i < part.length; i++) {
        part[i] = batch[p + i * parts];
      }
      out.add(part);
    }
    return out;
  }
}
