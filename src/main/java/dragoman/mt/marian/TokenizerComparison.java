package dragoman.mt.marian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dragoman model verify --tokenizer DIR}: encodes German sentences with both of a
 * directory's tokenizers, {@code tokenizer.json} (what a Transformers.js export ships) and {@code
 * source.spm} + {@code vocab.json} (what the model was trained with, run by SentencePiece), and
 * lists the sentences whose token ids differ.
 *
 * @param sentences how many sentences were compared
 * @param differences the sentences whose ids differ, in input order
 */
public record TokenizerComparison(int sentences, List<Difference> differences) {
  private static final String SAMPLE = "tokenizer-sample.de.json";

  /** One sentence the two tokenizers split differently. */
  public record Difference(
      String text,
      List<String> sentencePiece,
      long[] sentencePieceIds,
      List<String> tokenizerJson,
      long[] tokenizerJsonIds) {

    /** The first token position where the ids differ. */
    public int firstMismatch() {
      int n = Math.min(sentencePieceIds.length, tokenizerJsonIds.length);
      for (int i = 0; i < n; i++) {
        if (sentencePieceIds[i] != tokenizerJsonIds[i]) {
          return i;
        }
      }
      return n;
    }
  }

  public TokenizerComparison {
    differences = List.copyOf(differences);
  }

  /**
   * The built-in German sample: everyday sentences, then hard cases (ligatures, full-width forms,
   * combining accents, special and zero-width spaces, emoji, sharp s, very long words).
   */
  public static List<String> builtInSample() {
    try (InputStream in = TokenizerComparison.class.getResourceAsStream(SAMPLE)) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<String> out = new ArrayList<>();
      root.get("sentences").forEach(s -> out.add(s.asText()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("bundled " + SAMPLE + " unreadable", e);
    }
  }

  /**
   * Compares the two tokenizers of {@code dir} on {@code sentences}.
   *
   * @throws ModelException when {@code dir} lacks either tokenizer
   */
  public static TokenizerComparison compare(Path dir, List<String> sentences)
      throws ModelException {
    Path json = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(json)) {
      throw new ModelException(json, "missing: nothing to compare the .spm tokenizer with");
    }
    if (!SentencePieceTokenizer.present(dir)) {
      throw new ModelException(
          dir.resolve("source.spm"),
          "source.spm, target.spm and vocab.json are all needed to compare with tokenizer.json");
    }
    List<Difference> differences = new ArrayList<>();
    try (MarianTokenizer spm = MarianTokenizer.loadSentencePiece(dir);
        MarianTokenizer hf = MarianTokenizer.load(json)) {
      for (String s : sentences) {
        long[] a = spm.encode(s);
        long[] b = hf.encode(s);
        if (!Arrays.equals(a, b)) {
          differences.add(new Difference(s, spm.pieces(s), a, hf.pieces(s), b));
        }
      }
    }
    return new TokenizerComparison(sentences.size(), differences);
  }
}
