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
    if (budget < 1 || rowsPerInput < 1) {
      throw new IllegalArgumentException("budget and rowsPerInput must be positive");
    }
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
}
