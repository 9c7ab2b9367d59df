package dragoman.cli;

import dragoman.mt.GenerationOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The translation flags, mapped onto {@link GenerationOptions}'s decoding and runtime parts and
 * nothing else.
 */
final class GenerationFlags {
  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Model directory (default: $DRAGOMAN_MODEL, then models/opus-mt-de-en/, then the user"
              + " cache, pulled on first use).")
  Path model;

  @Option(
      names = "--beam",
      paramLabel = "N",
      description = "Beam width; 1 is greedy (default: the model's num_beams, 4 for opus-mt).")
  Integer beam;

  @Option(
      names = "--max-new-tokens",
      paramLabel = "N",
      description =
          "At most N generated tokens a sentence, as Hugging Face's max_new_tokens: replaces the"
              + " model's max_length (opus-mt: 512 with the start token) and the default limit of"
              + " 3 x source tokens + 10 (default: those two limits).")
  Integer maxNewTokens;

  @Option(
      names = "--max-batch-tokens",
      paramLabel = "N",
      description =
          "Source tokens per batch, padding included; beams count each (default: 2048 greedy,"
              + " 4096 beam search).")
  Integer maxBatchTokens;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "ONNX Runtime intra-op threads of each batch worker (default: the cores shared out"
              + " among the workers).")
  Integer threads;

  @Option(
      names = "--batch-workers",
      paramLabel = "N",
      description =
          "Batches translated at the same time, each with --threads ONNX Runtime threads"
              + " (default: 2 on a machine with 2 or more cores unless --threads is given, else"
              + " 1).")
  Integer batchWorkers;

  @Option(names = "--quantized", description = "Use the int8 onnx/*_quantized.onnx files.")
  boolean quantized;

  @Option(names = "--offline", description = "Never download a model.")
  boolean offline;

  /**
   * The options the flags ask for.
   *
   * @throws IllegalArgumentException naming the flag, for a negative count (0 means automatic)
   */
  GenerationOptions options() {
    notNegative("--beam", beam);
    notNegative("--max-new-tokens", maxNewTokens);
    notNegative("--max-batch-tokens", maxBatchTokens);
    notNegative("--threads", threads);
    notNegative("--batch-workers", batchWorkers);
    GenerationOptions o = GenerationOptions.defaults();
    if (beam != null) {
      o = o.withNumBeams(beam);
    }
    if (maxNewTokens != null) {
      o = o.withMaxNewTokens(maxNewTokens);
    }
    if (maxBatchTokens != null) {
      o = o.withMaxBatchTokens(maxBatchTokens);
    }
    if (threads != null) {
      o = o.withThreads(threads);
    }
    if (batchWorkers != null) {
      o = o.withBatchWorkers(batchWorkers);
    }
    return o.withQuantized(quantized).withOffline(offline);
  }

  private static void notNegative(String flag, Integer value) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(
          flag + " must be positive (or 0 for the automatic value), got " + value);
    }
  }
}
