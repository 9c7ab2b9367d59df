package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
  @Test
  void decodesUtf8AndRefusesLatin1InsteadOfReplacingIt() throws Exception {
    assertThat(StrictUtf8.decode("Größe".getBytes(StandardCharsets.UTF_8))).isEqualTo("Größe");
    byte[] latin1 = "Größe".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(latin1, StandardCharsets.UTF_8)).contains("\uFFFD");
    assertThatThrownBy(() -> StrictUtf8.decode(latin1))
        .isInstanceOf(CharacterCodingException.class);
  }
}
