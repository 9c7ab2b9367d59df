package dragoman.mt.marian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dragoman.io.AtomicFile;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dragoman model convert DIR}: writes {@code tokenizer.json} (and {@code
 * tokenizer_config.json} when absent) for an Optimum export that has only {@code source.spm},
 * {@code target.spm} and {@code vocab.json}, in the shape that both DJL's tokenizers and
 * Transformers.js load (checked with both): normalizer {@code Precompiled} with the SentencePiece
 * model's own charsmap, pre-tokenizer WhitespaceSplit + Metaspace, post-processor appending {@code
 * </s>}, decoder Metaspace, and a Unigram model whose ids are {@code vocab.json}'s (what
 * transformers' {@code MarianTokenizer} maps pieces to) and whose scores are {@code source.spm}'s.
 *
 * <p>The {@code .spm} file is a SentencePiece {@code ModelProto} (sentencepiece_model.proto); it is
 * read with protobuf-java's wire-format reader, field by number, so no generated classes or native
 * SentencePiece library are needed: pieces (field 1: piece 1, score 2, type 3) and the normalizer
 * spec (field 3: precompiled_charsmap 2, add_dummy_prefix 3).
 */
public final class SentencePieceConverter {
  static final String METASPACE = "\u2581";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One piece of a SentencePiece model. */
  record Piece(String piece, float score, int type) {}

  /** What is read from a {@code .spm} file. */
  record SpmModel(List<Piece> pieces, byte[] charsmap, boolean addDummyPrefix) {}

  private SentencePieceConverter() {}

  /**
   * Writes the tokenizer files into {@code dir}.
   *
   * @return the tokenizer.json written
   */
  public static Path convert(Path dir, boolean overwrite) throws ModelException {
    Path target = dir.resolve("tokenizer.json");
    if (Files.exists(target) && !overwrite) {
      throw new ModelException(target, "exists already; pass --force to replace it");
    }
    Path spm = dir.resolve("source.spm");
    Path vocabFile = dir.resolve("vocab.json");
    for (Path p : List.of(spm, vocabFile)) {
      if (!Files.isRegularFile(p)) {
        throw new ModelException(p, "missing: convert needs source.spm and vocab.json");
      }
    }
    SpmModel model = read(spm);
    Map<String, Integer> vocab = readVocab(vocabFile);
    ObjectNode tokenizer = tokenizerJson(model, vocab, vocabFile);
    try {
      AtomicFile.write(
          target, out -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, tokenizer));
      Path config = dir.resolve("tokenizer_config.json");
      if (!Files.exists(config)) {
        int maxLength = 512;
        Path modelConfig = dir.resolve("config.json");
        if (Files.isRegularFile(modelConfig)) {
          maxLength =
              MAPPER.readTree(modelConfig.toFile()).path("max_position_embeddings").asInt(512);
        }
        ObjectNode c = tokenizerConfig(maxLength);
        AtomicFile.write(config, out -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, c));
      }
    } catch (IOException e) {
      throw new ModelException(target.toString(), "cannot write: " + e.getMessage(), e);
    }
    return target;
  }

  /** Reads the pieces and normalizer of a SentencePiece model file. */
  static SpmModel read(Path spm) throws ModelException {
    try {
      CodedInputStream in = CodedInputStream.newInstance(Files.readAllBytes(spm));
      List<Piece> pieces = new ArrayList<>();
      byte[] charsmap = new byte[0];
      boolean dummyPrefix = true;
      int tag;
      while ((tag = in.readTag()) != 0) {
        int field = WireFormat.getTagFieldNumber(tag);
        if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          pieces.add(piece(in.readBytes().newCodedInput()));
        } else if (field == 3
            && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          CodedInputStream n = in.readBytes().newCodedInput();
          int t;
          while ((t = n.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(t)) {
              case 2 -> charsmap = n.readBytes().toByteArray();
              case 3 -> dummyPrefix = n.readBool();
              default -> n.skipField(t);
            }
          }
        } else {
          in.skipField(tag);
        }
      }
      if (pieces.isEmpty()) {
        throw new ModelException(spm, "no pieces: not a SentencePiece model");
      }
      return new SpmModel(pieces, charsmap, dummyPrefix);
    } catch (IOException e) {
      throw new ModelException(
          spm.toString(), "not a SentencePiece model (" + e.getMessage() + ")", e);
    }
  }

  private static Piece piece(CodedInputStream in) throws IOException {
    String text = "";
    float score = 0;
    int type = 1; // NORMAL
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> text = in.readString();
        case 2 -> score = in.readFloat();
        case 3 -> type = in.readEnum();
        default -> in.skipField(tag);
      }
    }
    return new Piece(text, score, type);
  }

  private static Map<String, Integer> readVocab(Path file) throws ModelException {
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      Map<String, Integer> vocab = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        vocab.put(e.getKey(), e.getValue().asInt());
      }
      return vocab;
    } catch (IOException e) {
      throw new ModelException(file.toString(), "not valid JSON: " + e.getMessage(), e);
    }
  }

  static ObjectNode tokenizerJson(SpmModel spm, Map<String, Integer> vocab, Path vocabFile)
      throws ModelException {
    for (String special : List.of("</s>", "<unk>", "<pad>")) {
      if (!vocab.containsKey(special)) {
        throw new ModelException(vocabFile, "has no " + special);
      }
    }
    int size = vocab.size();
    String[] byId = new String[size];
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      int id = e.getValue();
      if (id < 0 || id >= size || byId[id] != null) {
        throw new ModelException(vocabFile, "ids are not 0.." + (size - 1) + " each once");
      }
      byId[id] = e.getKey();
    }
    Map<String, Float> scores = new HashMap<>();
    float lowest = 0;
    for (Piece p : spm.pieces()) {
      scores.put(p.piece(), p.score());
      lowest = Math.min(lowest, p.score());
    }
    // Target-only pieces are in vocab.json but not in source.spm: source text must not use them.
    float unseen = lowest - 10;

    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    List<String> specials = new ArrayList<>(List.of("</s>", "<unk>", "<pad>"));
    specials.sort((a, b) -> Integer.compare(vocab.get(a), vocab.get(b)));
    for (String s : specials) {
      ObjectNode t = added.addObject();
      t.put("id", vocab.get(s));
      t.put("content", s);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    if (spm.charsmap().length > 0) {
      ObjectNode n = root.putObject("normalizer");
      n.put("type", "Precompiled");
      n.put("precompiled_charsmap", Base64.getEncoder().encodeToString(spm.charsmap()));
    } else {
      root.putNull("normalizer");
    }
    ObjectNode pre = root.putObject("pre_tokenizer");
    pre.put("type", "Sequence");
    ArrayNode pres = pre.putArray("pretokenizers");
    pres.addObject().put("type", "WhitespaceSplit");
    pres.add(metaspace(spm.addDummyPrefix()));
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    single.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
    pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
    ObjectNode eos = post.putObject("special_tokens").putObject("</s>");
    eos.put("id", "</s>");
    eos.putArray("ids").add(vocab.get("</s>"));
    eos.putArray("tokens").add("</s>");
    root.set("decoder", metaspace(spm.addDummyPrefix()));
    ObjectNode model = root.putObject("model");
    model.put("type", "Unigram");
    model.put("unk_id", vocab.get("<unk>"));
    ArrayNode pieces = model.putArray("vocab");
    for (String piece : byId) {
      boolean special = specials.contains(piece);
      float score = special ? 0f : scores.getOrDefault(piece, unseen);
      pieces.addArray().add(piece).add((double) score);
    }
    model.put("byte_fallback", false);
    return root;
  }

  private static ObjectNode metaspace(boolean dummyPrefix) {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("type", "Metaspace");
    m.put("replacement", METASPACE);
    m.put("prepend_scheme", dummyPrefix ? "always" : "never");
    m.put("split", true);
    return m;
  }

  /** transformers' MarianTokenizer settings for a joint vocabulary (vocab.json only). */
  private static ObjectNode tokenizerConfig(int maxLength) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("tokenizer_class", "MarianTokenizer");
    c.put("source_lang", "de");
    c.put("target_lang", "en");
    c.put("separate_vocabs", false);
    c.put("eos_token", "</s>");
    c.put("unk_token", "<unk>");
    c.put("pad_token", "<pad>");
    c.put("model_max_length", maxLength);
    c.put("clean_up_tokenization_spaces", false);
    c.putObject("sp_model_kwargs");
    return c;
  }
}
