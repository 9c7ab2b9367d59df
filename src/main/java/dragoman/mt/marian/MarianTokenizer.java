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
 * The model's tokenizer. Two sources, in this order:
 *
 * <ol>
 *   <li>{@code source.spm} + {@code target.spm} + {@code vocab.json}, run as transformers' {@code
 *       MarianTokenizer} runs them, with Google's SentencePiece ({@link SentencePieceTokenizer}):
 *       the tokens the model was trained on.
 *   <li>{@code tokenizer.json} alone (a Transformers.js export without the .spm files, or one made
 *       by {@code model convert}), run by DJL's binding of Hugging Face tokenizers. DJL truncates
 *       to 512 tokens and may pad unless told otherwise; both are turned off here, because an
 *       over-long sentence is split by {@link ClauseSplitter}, never cut.
 * </ol>
 *
 * {@code dragoman model verify --tokenizer DIR} compares the two where both are present.
 */
public final class MarianTokenizer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Where a tokenizer's pieces and ids come from. */
  public enum Kind {
    SENTENCEPIECE(
        "source.spm + target.spm + vocab.json (SentencePiece, as transformers' MarianTokenizer)"),
    TOKENIZER_JSON("tokenizer.json (Hugging Face tokenizers)");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** For people: which files, run by what. */
    public String description() {
      return description;
    }
  }

  private final HuggingFaceTokenizer tokenizer;
  private final SentencePieceTokenizer sentencePiece;
  private final int vocabSize;
  private final int modelMaxLength;

  private MarianTokenizer(
      HuggingFaceTokenizer tokenizer,
      SentencePieceTokenizer sentencePiece,
      int vocabSize,
      int modelMaxLength) {
    this.tokenizer = tokenizer;
    this.sentencePiece = sentencePiece;
    this.vocabSize = vocabSize;
    this.modelMaxLength = modelMaxLength;
  }

  /** The kind {@link #open} picks for a model directory, or null when it has neither. */
  public static Kind kindFor(Path dir) {
    if (SentencePieceTokenizer.present(dir)) {
      return Kind.SENTENCEPIECE;
    }
    return Files.isRegularFile(dir.resolve("tokenizer.json")) ? Kind.TOKENIZER_JSON : null;
  }

  /**
   * Opens a model directory's tokenizer: SentencePiece when {@code source.spm}, {@code target.spm}
   * and {@code vocab.json} are all there, else {@code tokenizer.json}.
   */
  public static MarianTokenizer open(Path dir) throws ModelException {
    Kind kind = kindFor(dir);
    if (kind == Kind.SENTENCEPIECE) {
      return loadSentencePiece(dir);
    }
    return load(dir.resolve("tokenizer.json"));
  }

  /** The SentencePiece files of {@code dir}, as transformers' MarianTokenizer reads them. */
  public static MarianTokenizer loadSentencePiece(Path dir) throws ModelException {
    int maxLength = modelMaxLength(dir.resolve("tokenizer_config.json"));
    SentencePieceTokenizer sp = SentencePieceTokenizer.load(dir);
    return new MarianTokenizer(null, sp, sp.size(), maxLength);
  }

  private static int modelMaxLength(Path config) throws ModelException {
    if (!Files.isRegularFile(config)) {
      return Integer.MAX_VALUE;
    }
    try {
      JsonNode n = MAPPER.readTree(config.toFile());
      long v = n.path("model_max_length").asLong(Integer.MAX_VALUE);
      return (int) Math.min(Integer.MAX_VALUE, Math.max(1, v));
    } catch (IOException e) {
      throw new ModelException(config.toString(), "not valid JSON: " + firstLine(e), e);
    }
  }

  /**
   * Loads {@code tokenizer.json}; {@code model_max_length} comes from {@code tokenizer_config.json}
   * next to it when present (otherwise {@link Integer#MAX_VALUE}).
   */
  public static MarianTokenizer load(Path tokenizerJson) throws ModelException {
    int vocab = vocabSize(tokenizerJson);
    int maxLength = modelMaxLength(tokenizerJson.resolveSibling("tokenizer_config.json"));
    try {
      HuggingFaceTokenizer t =
          HuggingFaceTokenizer.newInstance(
              tokenizerJson,
              Map.of(
                  "truncation", "false",
                  "padding", "false",
                  "addSpecialTokens", "true"));
      return new MarianTokenizer(t, null, vocab, maxLength);
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
    if (sentencePiece != null) {
      return sentencePiece.encode(text);
    }
    return tokenizer.encode(text, true, false).getIds();
  }

  /** The pieces of a sentence ({@code </s>} not included), for reports. */
  public List<String> pieces(String text) {
    if (sentencePiece != null) {
      return sentencePiece.pieces(text);
    }
    return List.of(tokenizer.encode(text, false, false).getTokens());
  }

  /** Which files this tokenizer runs. */
  public Kind kind() {
    return sentencePiece != null ? Kind.SENTENCEPIECE : Kind.TOKENIZER_JSON;
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
    if (sentencePiece != null) {
      return sentencePiece.decode(a);
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
    if (tokenizer != null) {
      tokenizer.close();
    }
    if (sentencePiece != null) {
      sentencePiece.close();
    }
  }
}
