package dragoman.mt.marian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.GenerationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed fixture model and its PyTorch reference outputs (models/tools/). */
final class TinyMarian {
  static final Path DIR = Path.of("src/test/resources/models/tiny-marian");

  /** The reference uses the generation config's max_length alone (transformers' rule). */
  static final GenerationOptions AS_TRANSFORMERS =
      GenerationOptions.defaults().withMaxLengthFactor(0).withThreads(1);

  record Case(String source, long[] inputIds, List<Integer> outputIds) {}

  private TinyMarian() {}

  static List<Case> reference(String file) {
    try {
      JsonNode root = new ObjectMapper().readTree(DIR.resolve("reference").resolve(file).toFile());
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        long[] in = new long[c.get("input_ids").size()];
        for (int i = 0; i < in.length; i++) {
          in[i] = c.get("input_ids").get(i).asLong();
        }
        List<Integer> out = new ArrayList<>();
        c.get("output_ids").forEach(n -> out.add(n.asInt()));
        cases.add(new Case(c.get("source").asText(), in, out));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
