package dragoman.mt.marian;

import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dragoman's side of eval/bench/run: translates sentences once to warm the JVM and ONNX Runtime,
 * then again timed, and prints one JSON line (sentences, generated tokens, wall seconds, seconds
 * inside ONNX Runtime sessions). The generated token ids go to a file, one sentence a line, so the
 * benchmark can check them against Transformers.js.
 *
 * <p>Usage: {@code SpeedBench MODEL_DIR SENTENCES_FILE IDS_OUT THREADS BEAMS fp32|int8
 * MAX_BATCH_TOKENS [WORKERS [WARMUP]]}. THREADS is per worker; THREADS, WORKERS and
 * MAX_BATCH_TOKENS 0 take Dragoman's defaults (what {@code translate} does without flags). The
 * model's generation config alone bounds the output length (maxLengthFactor 0), as in
 * Transformers.js, so both do the same number of decoder steps.
 */
public final class SpeedBench {
  private SpeedBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println(
          "usage: SpeedBench MODEL_DIR SENTENCES_FILE IDS_OUT THREADS BEAMS fp32|int8"
              + " MAX_BATCH_TOKENS [WORKERS [WARMUP]]");
      System.exit(2);
    }
    Path model = Path.of(args[0]);
    List<String> sentences = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    Path idsOut = Path.of(args[2]);
    int threads = Integer.parseInt(args[3]);
    int beams = Integer.parseInt(args[4]);
    boolean int8 = args[5].equals("int8");
    int budget = Integer.parseInt(args[6]);
    int workers = args.length > 7 ? Integer.parseInt(args[7]) : 0;
    int warmup = args.length > 8 ? Integer.parseInt(args[8]) : 16;
    GenerationOptions o =
        GenerationOptions.defaults()
            .withNumBeams(beams)
            .withThreads(threads)
            .withBatchWorkers(workers)
            .withQuantized(int8)
            .withMaxLengthFactor(0);
    if (budget > 0) {
      o = o.withMaxBatchTokens(budget);
    }
    try (MarianTranslator t = MarianTranslator.open(model, o)) {
      t.translate(sentences.subList(0, Math.min(warmup, sentences.size())));
      long session0 = t.sessionNanos();
      long head0 = t.headNanos();
      long start = System.nanoTime();
      List<Translation> out = t.translate(sentences);
      double seconds = (System.nanoTime() - start) / 1e9;
      double session = (t.sessionNanos() - session0) / 1e9;
      double head = (t.headNanos() - head0) / 1e9;
      long tokens = out.stream().mapToLong(x -> x.tokenIds().size() + 1L).sum();
      try (Writer w = Files.newBufferedWriter(idsOut, StandardCharsets.UTF_8)) {
        for (Translation x : out) {
          w.write(x.tokenIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
          w.write('\n');
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("engine", "dragoman");
      result.put("dtype", int8 ? "int8" : "fp32");
      result.put("beams", beams);
      result.put("threads", t.parallelism().workers() * t.parallelism().threadsPerWorker());
      result.put("workers", t.parallelism().workers());
      result.put("max_batch_tokens", o.runtime().batchTokens(t.settings().numBeams()));
      result.put("sentences", sentences.size());
      result.put("tokens", tokens);
      result.put("seconds", seconds);
      result.put("session_seconds", session);
      result.put("head_seconds", head);
      System.out.println(new ObjectMapper().writeValueAsString(result));
    }
  }
}
