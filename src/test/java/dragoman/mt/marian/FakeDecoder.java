package dragoman.mt.marian;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A decoder whose next-token distribution is a table keyed by the row's history (tokens after the
 * start token, joined by spaces); the logits are the natural logs of the table's probabilities, so
 * log_softmax gives them back. It follows the search's parent rows like a KV cache would.
 */
final class FakeDecoder implements DecoderStep {
  private final Map<String, double[]> table;
  private final double[] fallback;
  private List<String> histories;
  final List<long[]> calls = new ArrayList<>();

  FakeDecoder(Map<String, double[]> table, double[] fallback) {
    this.table = table;
    this.fallback = fallback;
  }

  @Override
  public float[] next(long[] tokens, int[] parents) {
    calls.add(tokens.clone());
    List<String> next = new ArrayList<>();
    for (int r = 0; r < tokens.length; r++) {
      if (histories == null) {
        next.add("");
      } else {
        String prev = histories.get(parents == null ? r : parents[r]);
        next.add(prev.isEmpty() ? String.valueOf(tokens[r]) : prev + " " + tokens[r]);
      }
    }
    histories = next;
    int vocab = fallback.length;
    float[] logits = new float[tokens.length * vocab];
    for (int r = 0; r < tokens.length; r++) {
      double[] p = table.getOrDefault(histories.get(r), fallback);
      for (int t = 0; t < vocab; t++) {
        logits[r * vocab + t] = (float) Math.log(p[t]);
      }
    }
    return logits;
  }
}
