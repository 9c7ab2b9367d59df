package dragoman.mt.marian;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The model's SentencePiece tokenizer, run by DJL's binding of Hugging Face tokenizers from {@code
 * tokenizer.json}. DJL truncates to 512 tokens and may pad unless told otherwise; both are turned
 * off here, because an over-long sentence is split by {@link ClauseSplitter}, never cut.
 */
public final class MarianTokenizer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HuggingFaceTokenizer tokenizer;
  private final int vocabSize;
  private final int modelMaxLength;

  private MarianTokenizer(HuggingFaceTokenizer tokenizer, int vocabSize, int modelMaxLength) {
    this.tokenizer = tokenizer;
    this.vocabSize = vocabSize;
    this.modelMaxLength = modelMaxLength;
  }

  /**
   * Loads {@code tokenizer.json}; {@code model_max_length} comes from {@code tokenizer_config.json}
   * next to it when present (otherwise {@link Integer#MAX_VALUE}).
   */
  public static MarianTokenizer load(Path tokenizerJson) throws ModelException {
    int vocab = vocabSize(tokenizerJson);
    int maxLength = Integer.MAX_VALUE;
    Path config = tokenizerJson.resolveSibling("tokenizer_config.json");
    if (Files.isRegularFile(config)) {
      try {
        JsonNode n = MAPPER.readTree(config.toFile());
        long v = n.path("model_max_length").asLong(Integer.MAX_VALUE);
        maxLength = (int) Math.min(Integer.MAX_VALUE, Math.max(1, v));
      } catch (IOException e) {
        throw new ModelException(config.toString(), "not valid JSON: " + firstLine(e), e);
      }
    }
    try {
      HuggingFaceTokenizer t =
          HuggingFaceTokenizer.newInstance(
              tokenizerJson,
              Map.of(
                  "truncation", "false",
                  "padding", "false",
                  "addSpecialTokens", "true"));
      return new MarianTokenizer(t, vocab, maxLength);
    } catch (IOException | RuntimeException e) {
      throw new ModelException(
          tokenizerJson.toString(),
          "not a tokenizer Hugging Face tokenizers can load: " + firstLine(e),
          e);
    }
  }

  /**
   * The number of token ids {@code tokenizer.json} defines: one more than the largest id of its
   * model vocabulary and added tokens.
   */
  static int vocabSize(Path tokenizerJson) throws ModelException {
    JsonNode root;
    try {
      root = MAPPER.readTree(tokenizerJson.toFile());
    } catch (IOException e) {
      throw new ModelException(tokenizerJson.toString(), "not valid JSON: " + firstLine(e), e);
    }
    if (root == null || !root.path("model").isObject()) {
      throw new ModelException(tokenizerJson, "no \"model\" section: not a tokenizer.json");
    }
    JsonNode vocab = root.path("model").path("vocab");
    int max = -1;
    if (vocab.isArray()) {
      max = vocab.size() - 1; // Unigram: [piece, score] pairs in id order
    } else if (vocab.isObject()) {
      for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) {
        max = Math.max(max, it.next().asInt());
      }
    } else {
      throw new ModelException(tokenizerJson, "the model section has no vocab");
    }
    for (JsonNode added : root.path("added_tokens")) {
      max = Math.max(max, added.path("id").asInt(-1));
    }
    return max + 1;
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse("");
  }

  /** Token ids of a sentence, with the {@code </s>} the post-processor appends. */
  public long[] encode(String text) {
    return tokenizer.encode(text, true, false).getIds();
  }

  /** Token count of a sentence, {@code </s>} included. */
  public int count(String text) {
    return encode(text).length;
  }

  /** Text of generated ids, special tokens skipped. */
  public String decode(List<Integer> ids) {
    long[] a = new long[ids.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ids.get(i);
    }
    return tokenizer.decode(a, true).strip();
  }

  /** Ids the tokenizer defines. */
  public int vocabSize() {
    return vocabSize;
  }

  /** {@code model_max_length} from {@code tokenizer_config.json}, or {@link Integer#MAX_VALUE}. */
  public int modelMaxLength() {
    return modelMaxLength;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
