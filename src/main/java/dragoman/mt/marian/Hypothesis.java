package dragoman.mt.marian;

import java.util.List;

/**
 * A finished output of a search.
 *
 * @param tokens generated ids without the decoder start token and without EOS
 * @param sumLogProb the model's log-probability of the generated tokens, EOS included (from the raw
 *     logits, not the search's adjusted scores)
 * @param generated how many tokens were generated, EOS included
 * @param score the search's score (beam search: length-penalised; greedy: sumLogProb)
 */
public record Hypothesis(List<Integer> tokens, double sumLogProb, int generated, double score) {
  public Hypothesis {
    tokens = List.copyOf(tokens);
  }

  /** Mean log-probability per generated token, EOS included; 0 when nothing was generated. */
  public double averageLogProbability() {
    return generated == 0 ? 0 : sumLogProb / generated;
  }
}
