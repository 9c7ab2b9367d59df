package dragoman.mt;

import java.util.List;

/**
 * The translation of one input sentence.
 *
 * @param text the English text
 * @param tokenIds generated target token ids, without the decoder start token and without EOS
 * @param averageLogProbability mean log-probability per generated token (EOS included)
 * @param splitParts 1, or the number of parts a sentence longer than the model's limit was split
 *     into at clause boundaries before translation (never silently truncated)
 */
public record Translation(
    String text, List<Integer> tokenIds, double averageLogProbability, int splitParts) {
  public Translation {
    tokenIds = List.copyOf(tokenIds);
  }

  public boolean wasSplit() {
    return splitParts > 1;
  }
}
