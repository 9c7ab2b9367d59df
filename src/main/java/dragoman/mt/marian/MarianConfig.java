package dragoman.mt.marian;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Dragoman reads from a Marian model's {@code config.json}, with {@code
 * generation_config.json} laid over it (as transformers and Transformers.js do: the generation
 * config wins where both say something).
 *
 * @param vocabSize logits per decoder step
 * @param dModel hidden size
 * @param decoderLayers decoder layers (one past key/value set each)
 * @param decoderHeads decoder attention heads
 * @param maxPositionEmbeddings longest input the positional table covers
 * @param maxLength Hugging Face {@code max_length}: decoder start token plus generated tokens
 * @param badTokenIds single-token {@code bad_words_ids}
 */
public record MarianConfig(
    String modelType,
    int vocabSize,
    int dModel,
    int encoderLayers,
    int decoderLayers,
    int decoderHeads,
    int maxPositionEmbeddings,
    int padId,
    int eosId,
    int decoderStartId,
    Integer forcedEosId,
    List<Integer> badTokenIds,
    int maxLength,
    int numBeams,
    double lengthPenalty,
    boolean earlyStopping) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public MarianConfig {
    badTokenIds = List.copyOf(badTokenIds);
  }

  /** Size of one attention head. */
  public int headDim() {
    return dModel / decoderHeads;
  }

  public static MarianConfig read(Path config, Path generationConfig) throws ModelException {
    ObjectNode merged = readObject(config);
    if (generationConfig != null && Files.isRegularFile(generationConfig)) {
      merged.setAll(readObject(generationConfig));
    }
    return from(merged, config);
  }

  private static ObjectNode readObject(Path file) throws ModelException {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(file, "missing");
    }
    try {
      JsonNode node = MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new ModelException(file, "not a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new ModelException(
          file.toString(),
          "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (IOException e) {
      throw new ModelException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  static MarianConfig from(JsonNode n, Path file) throws ModelException {
    String type = n.path("model_type").asText("");
    if (!type.equals("marian")) {
      throw new ModelException(
          file, "model_type is \"" + type + "\", not \"marian\": this is not an opus-mt model");
    }
    int dModel = required(n, "d_model", file);
    int heads = n.has("decoder_attention_heads") ? required(n, "decoder_attention_heads", file) : 8;
    if (dModel % heads != 0) {
      throw new ModelException(file, "d_model " + dModel + " is not a multiple of " + heads);
    }
    int pad = required(n, "pad_token_id", file);
    List<Integer> bad = new ArrayList<>();
    for (JsonNode word : n.path("bad_words_ids")) {
      if (word.isArray() && word.size() == 1) {
        bad.add(word.get(0).asInt());
      } else if (word.isArray()) {
        throw new ModelException(file, "bad_words_ids with several tokens are not supported");
      }
    }
    if (bad.isEmpty()) {
      bad.add(pad);
    }
    int maxPos = n.path("max_position_embeddings").asInt(512);
    return new MarianConfig(
        type,
        required(n, "vocab_size", file),
        dModel,
        required(n, "encoder_layers", file),
        required(n, "decoder_layers", file),
        heads,
        maxPos,
        pad,
        required(n, "eos_token_id", file),
        n.has("decoder_start_token_id") ? n.get("decoder_start_token_id").asInt() : pad,
        n.hasNonNull("forced_eos_token_id") ? n.get("forced_eos_token_id").asInt() : null,
        bad,
        n.path("max_length").asInt(maxPos),
        n.path("num_beams").asInt(1),
        n.path("length_penalty").asDouble(1.0),
        n.path("early_stopping").asBoolean(false));
  }

  private static int required(JsonNode n, String field, Path file) throws ModelException {
    JsonNode v = n.get(field);
    if (v != null && v.isArray() && v.size() > 0) {
      v = v.get(0); // generation_config.json may list several EOS ids; Marian has one
    }
    if (v == null || !v.canConvertToInt() || v.asInt() < 0) {
      throw new ModelException(file, "no valid \"" + field + "\"");
    }
    return v.asInt();
  }
}
