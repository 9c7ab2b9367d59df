package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import opennlp.tools.postag.POSModel;
import org.junit.jupiter.api.Test;

class UposTest {
  @Test
  void everyTagOfTheShippedModelHasAConstant() throws Exception {
    String[] outcomes;
    try (InputStream in =
        UposTest.class.getResourceAsStream("/opennlp-de-ud-gsd-pos-1.3-2.5.4.bin")) {
      outcomes = new POSModel(in).getPosSequenceModel().getOutcomes();
    }
    assertThat(outcomes).contains("NOUN", "ADP+DET");
    for (String tag : outcomes) {
      assertThat(Upos.of(tag).tag()).isEqualTo(tag);
    }
  }

  @Test
  void tagOutsideTheSetIsNamed() {
    assertThatThrownBy(() -> Upos.of("NN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'NN'");
  }

  @Test
  void analyzerGivesAContractionItsOwnTag() {
    var tokens = Shared.analyzer().analyze("Wir gehen zum Bahnhof.", 0);
    assertThat(tokens)
        .extracting(Token::text)
        .containsExactly("Wir", "gehen", "zum", "Bahnhof", ".");
    assertThat(tokens.get(2).upos()).isEqualTo(Upos.ADP_DET);
    assertThat(tokens.get(3).upos()).isEqualTo(Upos.NOUN);
    assertThat(tokens.get(4).upos()).isEqualTo(Upos.PUNCT);
  }
}
