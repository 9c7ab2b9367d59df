package dragoman.mt.marian;

import java.util.Arrays;

/**
 * What a search needs to know, resolved from the model's generation config and the user's options.
 *
 * @param numBeams 1 for greedy search
 * @param lengthPenalty Hugging Face {@code length_penalty}: a finished hypothesis scores {@code
 *     sum(logprobs) / generatedTokens^lengthPenalty}
 * @param earlyStopping Hugging Face {@code early_stopping} (true or false; "never" is not offered)
 * @param decoderStartId the first decoder input (Marian: the pad id)
 * @param eosId end of sentence, also forced at the length limit ({@code forced_eos_token_id})
 * @param padId filler for finished rows
 * @param badTokenIds tokens never generated ({@code bad_words_ids} of length one; Marian: pad)
 * @param vocabSize logits per row
 */
public record SearchSettings(
    int numBeams,
    double lengthPenalty,
    boolean earlyStopping,
    int decoderStartId,
    int eosId,
    int padId,
    int[] badTokenIds,
    int vocabSize) {
  public SearchSettings {
    if (numBeams < 1) {
      throw new IllegalArgumentException("numBeams must be at least 1");
    }
    badTokenIds = badTokenIds.clone();
  }

  @Override
  public int[] badTokenIds() {
    return badTokenIds.clone();
  }

  /** {@code mask[t]} is true for tokens never generated. */
  boolean[] badMask() {
    boolean[] mask = new boolean[vocabSize];
    for (int b : badTokenIds) {
      if (b >= 0 && b < vocabSize) {
        mask[b] = true;
      }
    }
    return mask;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchSettings s
        && s.numBeams == numBeams
        && Double.compare(s.lengthPenalty, lengthPenalty) == 0
        && s.earlyStopping == earlyStopping
        && s.decoderStartId == decoderStartId
        && s.eosId == eosId
        && s.padId == padId
        && Arrays.equals(s.badTokenIds, badTokenIds)
        && s.vocabSize == vocabSize;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(badTokenIds) * 31 + Double.hashCode(lengthPenalty) + numBeams;
  }

  @Override
  public String toString() {
    return "SearchSettings[numBeams="
        + numBeams
        + ", lengthPenalty="
        + lengthPenalty
        + ", earlyStopping="
        + earlyStopping
        + ", badTokenIds="
        + Arrays.toString(badTokenIds)
        + "]";
  }
}
