package dragoman.mt.marian;

import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A first throughput figure (not a unit test): translates the same sentences greedy and with beam
 * 4, one sentence per batch and in token-budget batches, and prints sentences/s and generated
 * tokens/s for each. Every configuration runs once to warm up, then is timed.
 *
 * <p>Usage: {@code TranslationBench MODEL_DIR SENTENCES_FILE [COUNT] [THREADS]} (one sentence a
 * line; the list is repeated or cut to COUNT, default 200). With a random-weight model the output
 * never ends early, so the generation config's max_length alone bounds it (maxLengthFactor 0):
 * every sentence costs max_length - 1 decoder steps.
 */
public final class TranslationBench {
  private TranslationBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TranslationBench MODEL_DIR SENTENCES_FILE [COUNT] [THREADS]");
      System.exit(2);
    }
    Path model = Path.of(args[0]);
    List<String> sentences =
        sentences(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 200);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    System.out.printf(
        Locale.ROOT,
        "model %s, %d sentences, threads %s, %s%n",
        model,
        sentences.size(),
        threads == 0 ? "auto" : threads,
        Runtime.getRuntime().availableProcessors() + " cores");
    System.out.println("config\tbatch\tsentences/s\ttokens/s\tseconds");
    for (int beams : new int[] {1, 4}) {
      for (int budget : new int[] {1, 4096}) {
        GenerationOptions o =
            GenerationOptions.defaults()
                .withNumBeams(beams)
                .withMaxBatchTokens(budget)
                .withThreads(threads)
                .withMaxLengthFactor(0);
        try (MarianTranslator t = MarianTranslator.open(model, o)) {
          t.translate(sentences);
          long start = System.nanoTime();
          List<Translation> out = t.translate(sentences);
          double seconds = (System.nanoTime() - start) / 1e9;
          long tokens = out.stream().mapToLong(x -> x.tokenIds().size() + 1L).sum();
          System.out.printf(
              Locale.ROOT,
              "%s\t%s\t%.1f\t%.0f\t%.2f%n",
              beams == 1 ? "greedy" : "beam " + beams,
              budget == 1 ? "1" : "budget " + budget,
              sentences.size() / seconds,
              tokens / seconds,
              seconds);
        }
      }
    }
  }

  private static List<String> sentences(Path file, int count) throws IOException {
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    List<String> out = new ArrayList<>(count);
    for (int i = 0; out.size() < count; i++) {
      out.add(lines.get(i % lines.size()));
    }
    return out;
  }
}
