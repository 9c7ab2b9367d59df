package dragoman.mt;

/**
 * What a segment's JSONL record says about its machine translation, under "mt".
 *
 * @param model the model's name
 * @param logprob average log-probability per generated token
 * @param parts 1, or how many parts an over-long sentence was split into
 */
public record TranslationInfo(String model, double logprob, int parts) {
  public static TranslationInfo of(Translation t, String model) {
    return new TranslationInfo(model, t.averageLogProbability(), t.splitParts());
  }
}
