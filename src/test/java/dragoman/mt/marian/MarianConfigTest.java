package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dragoman.mt.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarianConfigTest {
  @TempDir Path tmp;

  static final String CONFIG =
      """
      {"model_type": "marian", "vocab_size": 58101, "d_model": 512, "encoder_layers": 6,
       "decoder_layers": 6, "decoder_attention_heads": 8, "max_position_embeddings": 512,
       "pad_token_id": 58100, "eos_token_id": 0, "decoder_start_token_id": 58100,
       "forced_eos_token_id": 0, "bad_words_ids": [[58100]], "max_length": 512, "num_beams": 4}
      """;

  @Test
  void readsTheFieldsGenerationNeeds() throws Exception {
    Path c = tmp.resolve("config.json");
    Files.writeString(c, CONFIG);
    MarianConfig m = MarianConfig.read(c, tmp.resolve("generation_config.json"));
    assertThat(m.vocabSize()).isEqualTo(58101);
    assertThat(m.headDim()).isEqualTo(64);
    assertThat(m.decoderStartId()).isEqualTo(58100);
    assertThat(m.badTokenIds()).containsExactly(58100);
    assertThat(m.forcedEosId()).isZero();
    assertThat(m.numBeams()).isEqualTo(4);
    assertThat(m.lengthPenalty()).isEqualTo(1.0);
    assertThat(m.earlyStopping()).isFalse();
  }

  @Test
  void generationConfigWinsOverConfig() throws Exception {
    Path c = tmp.resolve("config.json");
    Files.writeString(c, CONFIG);
    Path g = tmp.resolve("generation_config.json");
    Files.writeString(
        g,
        "{\"num_beams\": 6, \"max_length\": 200, \"eos_token_id\": [0], \"length_penalty\": 0.6}");
    MarianConfig m = MarianConfig.read(c, g);
    assertThat(m.numBeams()).isEqualTo(6);
    assertThat(m.maxLength()).isEqualTo(200);
    assertThat(m.eosId()).isZero();
    assertThat(m.lengthPenalty()).isEqualTo(0.6);
  }

  @Test
  void refusesAModelThatIsNotMarian() throws Exception {
    Path c = tmp.resolve("config.json");
    Files.writeString(c, CONFIG.replace("\"marian\"", "\"t5\""));
    assertThatThrownBy(() -> MarianConfig.read(c, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("not \"marian\"");
  }
}
