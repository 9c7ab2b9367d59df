package dragoman.mt.marian;

import ai.djl.sentencepiece.SpTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokenisation as transformers' {@code MarianTokenizer} does it
 * (transformers/models/marian/tokenization_marian.py), with Google's SentencePiece library itself
 * (through DJL's JNI binding) rather than a re-implementation:
 *
 * <ul>
 *   <li>encode: a leading language code {@code >>xx<<} is kept as one token; the rest is split into
 *       pieces by {@code source.spm} ({@code encode(text, out_type=str)}), each piece is mapped
 *       through {@code vocab.json}, a piece missing there becomes {@code <unk>}, and {@code </s>}
 *       is appended. No other normalisation: MarianTokenizer's Moses punctuation normaliser is not
 *       applied on this path.
 *   <li>decode: ids are mapped back through {@code vocab.json}, special tokens ({@code </s>},
 *       {@code <unk>}, {@code <pad>}) are skipped, the pieces are joined by {@code target.spm}'s
 *       {@code decode_pieces}, {@code ▁} becomes a space, and the result is stripped.
 * </ul>
 *
 * <p>opus-mt-de-en has no language-code tokens; the rule is kept so multilingual Marian models
 * tokenise as their authors' code does.
 */
final class SentencePieceTokenizer implements AutoCloseable {
  static final String EOS = "</s>";
  static final String UNK = "<unk>";
  static final String PAD = "<pad>";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SpTokenizer source;
  private final SpTokenizer target;
  private final Map<String, Integer> ids;
  private final String[] pieces;
  private final boolean[] special;
  private final int eos;
  private final int unk;

  private SentencePieceTokenizer(
      SpTokenizer source, SpTokenizer target, Map<String, Integer> ids, String[] pieces) {
    this.source = source;
    this.target = target;
    this.ids = ids;
    this.pieces = pieces;
    this.eos = ids.get(EOS);
    this.unk = ids.get(UNK);
    this.special = new boolean[pieces.length];
    for (String s : List.of(EOS, UNK, PAD)) {
      Integer id = ids.get(s);
      if (id != null) {
        special[id] = true;
      }
    }
  }

  /** The three files, when a directory has them all. */
  static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve("source.spm"))
        && Files.isRegularFile(dir.resolve("target.spm"))
        && Files.isRegularFile(dir.resolve("vocab.json"));
  }

  /** Loads {@code source.spm}, {@code target.spm} and {@code vocab.json} from {@code dir}. */
  static SentencePieceTokenizer load(Path dir) throws ModelException {
    Path vocabFile = dir.resolve("vocab.json");
    Map<String, Integer> ids = readVocab(vocabFile);
    for (String s : List.of(EOS, UNK)) {
      if (!ids.containsKey(s)) {
        throw new ModelException(vocabFile, "has no " + s + ": not a Marian vocabulary");
      }
    }
    int max = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    String[] pieces = new String[max + 1];
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      if (e.getValue() < 0) {
        throw new ModelException(vocabFile, "negative id for " + e.getKey());
      }
      pieces[e.getValue()] = e.getKey();
    }
    SpTokenizer source = spm(dir.resolve("source.spm"));
    try {
      SpTokenizer target = spm(dir.resolve("target.spm"));
      return new SentencePieceTokenizer(source, target, ids, pieces);
    } catch (ModelException e) {
      source.close();
      throw e;
    }
  }

  private static SpTokenizer spm(Path file) throws ModelException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelException(file.toString(), "unreadable: " + e.getMessage(), e);
    }
    try {
      return new SpTokenizer(bytes);
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new ModelException(
          file.toString(),
          "not a SentencePiece model SentencePiece can load: " + m.lines().findFirst().orElse(""),
          e);
    } catch (LinkageError e) {
      // UnsatisfiedLinkError, or ExceptionInInitializerError from the binding's static loader.
      throw new ModelException(
          file.toString(),
          "SentencePiece's native library does not load on this platform ("
              + e.getMessage()
              + "); delete source.spm/target.spm to use tokenizer.json",
          e);
    }
  }

  private static Map<String, Integer> readVocab(Path file) throws ModelException {
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new ModelException(file, "not a JSON object of piece -> id");
      }
      Map<String, Integer> vocab = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (!e.getValue().canConvertToInt()) {
          throw new ModelException(file, "the id of " + e.getKey() + " is not an integer");
        }
        vocab.put(e.getKey(), e.getValue().asInt());
      }
      return vocab;
    } catch (IOException e) {
      throw new ModelException(file.toString(), "not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The pieces {@code source.spm} splits text into, a leading language code first. */
  List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    String rest = text;
    int end;
    // MarianTokenizer.remove_language_code: ">>xx<<" at the very start is one token.
    if (rest.startsWith(">>") && (end = rest.indexOf("<<")) != -1) {
      out.add(rest.substring(0, end + 2));
      rest = rest.substring(end + 2);
    }
    if (!rest.isEmpty()) {
      out.addAll(source.tokenize(rest));
    }
    return out;
  }

  /** Token ids of a sentence, {@code </s>} appended. */
  long[] encode(String text) {
    List<String> p = pieces(text);
    long[] out = new long[p.size() + 1];
    for (int i = 0; i < p.size(); i++) {
      out[i] = ids.getOrDefault(p.get(i), unk);
    }
    out[p.size()] = eos;
    return out;
  }

  /** Text of ids, special tokens skipped. */
  String decode(long[] tokenIds) {
    List<String> kept = new ArrayList<>(tokenIds.length);
    for (long id : tokenIds) {
      if (id < 0 || id >= pieces.length || pieces[(int) id] == null || special[(int) id]) {
        continue;
      }
      kept.add(pieces[(int) id]);
    }
    if (kept.isEmpty()) {
      return "";
    }
    return target.buildSentence(kept).replace(SentencePieceConverter.METASPACE, " ").strip();
  }

  /** One more than the largest id in {@code vocab.json}. */
  int size() {
    return pieces.length;
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
