package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.io.Sha256;
import dragoman.mt.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken model directory gives one line naming the file and the problem. */
class ModelVerifierTest {
  @TempDir Path tmp;

  private Path copy() throws IOException {
    Path dir = tmp.resolve("model");
    try (Stream<Path> files = Files.walk(TinyMarian.DIR)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve(TinyMarian.DIR.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return dir;
  }

  private static String only(List<String> problems) {
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).doesNotContain("\n");
    return problems.get(0);
  }

  @Test
  void theFixtureIsHealthy() {
    assertThat(ModelVerifier.verify(TinyMarian.DIR, false)).isEmpty();
    assertThat(ModelVerifier.verify(TinyMarian.DIR, true)).isEmpty();
  }

  @Test
  void namesAMissingOnnxFile() throws IOException {
    Path dir = copy();
    Files.delete(dir.resolve("onnx/encoder_model.onnx"));
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("onnx/encoder_model.onnx")
        .contains("missing");
  }

  @Test
  void namesMissingQuantizedFilesAndSaysTheyAreOptional() throws IOException {
    Path dir = copy();
    Files.delete(dir.resolve("onnx/encoder_model_quantized.onnx"));
    assertThat(only(ModelVerifier.verify(dir, true)))
        .contains("encoder_model_quantized.onnx")
        .contains("drop --quantized");
  }

  @Test
  void namesATruncatedOnnxFile() throws IOException {
    Path dir = copy();
    Path merged = dir.resolve("onnx/decoder_model_merged.onnx");
    byte[] bytes = Files.readAllBytes(merged);
    Files.write(merged, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("decoder_model_merged.onnx")
        .contains("not a valid ONNX model");
  }

  @Test
  void namesAGraphWithTheWrongInputNames() throws IOException {
    Path dir = copy();
    // An encoder where the merged decoder should be: it has input_ids and attention_mask only.
    Files.copy(
        dir.resolve("onnx/encoder_model.onnx"),
        dir.resolve("onnx/decoder_model_merged.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("decoder_model_merged.onnx")
        .contains("wrong input names")
        .contains("past_key_values.0.decoder.key");
  }

  @Test
  void namesATokenizerThatDoesNotMatchTheVocabularySize() throws IOException {
    Path dir = copy();
    Path config = dir.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"vocab_size\": 1001", "\"vocab_size\": 1002"));
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("vocab.json")
        .contains("1001")
        .contains("vocab_size 1002");
    // Without the SentencePiece files the tokenizer is tokenizer.json, and it is named.
    for (String f : List.of("source.spm", "target.spm", "vocab.json")) {
      Files.delete(dir.resolve(f));
    }
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("tokenizer.json")
        .contains("vocab_size 1002");
  }

  @Test
  void anExportWithOnlySentencePieceFilesTranslatesWithThem() throws IOException {
    Path dir = copy();
    Files.delete(dir.resolve("tokenizer.json"));
    assertThat(ModelVerifier.verify(dir, false)).isEmpty();
    assertThat(MarianTokenizer.kindFor(dir)).isEqualTo(MarianTokenizer.Kind.SENTENCEPIECE);
  }

  @Test
  void prefersTheSentencePieceFilesAndFallsBackToTokenizerJson() throws IOException {
    Path dir = copy();
    assertThat(MarianTokenizer.kindFor(dir)).isEqualTo(MarianTokenizer.Kind.SENTENCEPIECE);
    Files.delete(dir.resolve("target.spm"));
    assertThat(MarianTokenizer.kindFor(dir)).isEqualTo(MarianTokenizer.Kind.TOKENIZER_JSON);
    assertThat(ModelVerifier.verify(dir, false)).isEmpty();
    Files.delete(dir.resolve("tokenizer.json"));
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("tokenizer.json")
        .contains("source.spm");
  }

  @Test
  void namesAConfigThatIsNotJson() throws IOException {
    Path dir = copy();
    Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"marian\",");
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("config.json")
        .contains("not valid JSON");
  }

  @Test
  void namesAFileThatNoLongerMatchesItsDownload() throws IOException {
    Path dir = copy();
    Path encoder = dir.resolve("onnx/encoder_model.onnx");
    String sha = Sha256.of(encoder);
    new ModelManifest(
            "tiny",
            null,
            "r",
            "main",
            List.of(
                new ModelManifest.FileEntry(
                    "onnx/encoder_model.onnx", Files.size(encoder), sha, null)))
        .write(dir.resolve(ModelManifest.RECORD));
    assertThat(ModelVerifier.verify(dir, false)).isEmpty();
    byte[] bytes = Files.readAllBytes(encoder);
    bytes[100] ^= 1;
    Files.write(encoder, bytes);
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("encoder_model.onnx")
        .contains("SHA-256");
  }

  @Test
  void namesASourceSpmThatSentencePieceCannotLoad() throws IOException {
    Path dir = copy();
    Files.writeString(dir.resolve("source.spm"), "not a SentencePiece model");
    assertThat(only(ModelVerifier.verify(dir, false)))
        .contains("source.spm")
        .contains("not a SentencePiece model SentencePiece can load");
  }

  @Test
  void namesAVocabularyWithoutUnk() throws IOException {
    Path dir = copy();
    Path vocab = dir.resolve("vocab.json");
    Files.writeString(vocab, Files.readString(vocab).replace("\"<unk>\"", "\"<unknown>\""));
    assertThat(only(ModelVerifier.verify(dir, false))).contains("vocab.json").contains("<unk>");
  }
}
