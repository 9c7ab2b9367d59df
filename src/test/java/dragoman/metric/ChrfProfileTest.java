package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChrfProfileTest {
  private final Chrf chrf = new Chrf(6, 0, 1);

  @Test
  void profileScoreEqualsTheStringScore() {
    String[][] pairs = {
      {"Der Hund bellt laut.", "Der Hund bellt."},
      {"Mit 3 Abbildungen", "Mit 3 Bildern"},
      {"ganz anders", "Himalaya-Chronik 1956"},
      {"a", "ab"},
    };
    for (String[] p : pairs) {
      assertThat(chrf.sentenceScore(chrf.profile(p[0]), chrf.profile(p[1])))
          .isEqualTo(chrf.sentenceScore(p[0], List.of(p[1])));
    }
  }

  @Test
  void identicalTextsScoreHundredAndDisjointOnesZero() {
    assertThat(chrf.sentenceScore(chrf.profile("Gletscher"), chrf.profile("Gletscher")))
        .isEqualTo(100.0);
    assertThat(chrf.sentenceScore(chrf.profile("abc"), chrf.profile("xyz"))).isEqualTo(0.0);
  }
}
