package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model convert} on the fixture's source.spm + vocab.json must give a tokenizer that encodes
 * exactly like the fixture's own tokenizer.json (written by models/tools with Python's
 * sentencepiece protobuf classes, an independent reader of the same file).
 */
class SentencePieceConverterTest {
  @TempDir Path tmp;

  private Path exportWithoutTokenizer() throws Exception {
    Path dir = tmp.resolve("optimum-export");
    Files.createDirectories(dir);
    for (String f : List.of("source.spm", "target.spm", "vocab.json", "config.json")) {
      Files.copy(TinyMarian.DIR.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void convertedTokenizerEncodesLikeTheFixtures() throws Exception {
    Path dir = exportWithoutTokenizer();
    SentencePieceConverter.convert(dir, false);
    List<String> sentences = new ArrayList<>();
    TinyMarian.reference("greedy.json").forEach(c -> sentences.add(c.source()));
    sentences.addAll(
        List.of(
            "Größere Straßenbahnen fahren ab 5:30 Uhr.",
            "„Zitat“ – mit Gedankenstrich…  und   Leerzeichen\u00a0hier.",
            "ＡＢＣ ① ﬁ Emoji 😀 und 1.234,56 €",
            "Ein Wort",
            ""));
    try (MarianTokenizer ours = MarianTokenizer.load(dir.resolve("tokenizer.json"));
        MarianTokenizer theirs = MarianTokenizer.load(TinyMarian.DIR.resolve("tokenizer.json"))) {
      for (String s : sentences) {
        assertThat(ours.encode(s)).as(s).containsExactly(theirs.encode(s));
      }
      assertThat(ours.vocabSize()).isEqualTo(theirs.vocabSize()).isEqualTo(1001);
      assertThat(ours.modelMaxLength()).isEqualTo(256);
    }
  }

  @Test
  void convertedFileHasTheFixturesPiecesScoresAndCharsmap() throws Exception {
    Path dir = exportWithoutTokenizer();
    SentencePieceConverter.convert(dir, false);
    ObjectMapper m = new ObjectMapper();
    JsonNode ours = m.readTree(dir.resolve("tokenizer.json").toFile());
    JsonNode theirs = m.readTree(TinyMarian.DIR.resolve("tokenizer.json").toFile());
    assertThat(ours.path("normalizer")).isEqualTo(theirs.path("normalizer"));
    assertThat(ours.path("pre_tokenizer")).isEqualTo(theirs.path("pre_tokenizer"));
    assertThat(ours.path("post_processor")).isEqualTo(theirs.path("post_processor"));
    assertThat(ours.path("added_tokens")).isEqualTo(theirs.path("added_tokens"));
    JsonNode a = ours.path("model").path("vocab");
    JsonNode b = theirs.path("model").path("vocab");
    assertThat(a.size()).isEqualTo(b.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).get(0).asText()).isEqualTo(b.get(i).get(0).asText());
      assertThat(a.get(i).get(1).asDouble()).isCloseTo(b.get(i).get(1).asDouble(), within(1e-6));
    }
  }

  @Test
  void refusesToReplaceAnExistingTokenizer() throws Exception {
    Path dir = exportWithoutTokenizer();
    Files.writeString(dir.resolve("tokenizer.json"), "{}");
    assertThatThrownBy(() -> SentencePieceConverter.convert(dir, false))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("--force");
  }

  @Test
  void namesAFileThatIsNotASentencePieceModel() throws Exception {
    Path dir = exportWithoutTokenizer();
    Files.writeString(dir.resolve("source.spm"), "not a protobuf at all, just text");
    assertThatThrownBy(() -> SentencePieceConverter.convert(dir, false))
        .isInstanceOf(ModelException.class)
        .satisfies(e -> assertThat(((ModelException) e).oneLine()).contains("source.spm"));
  }
}
