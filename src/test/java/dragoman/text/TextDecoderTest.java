package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private final TextDecoder decoder = new TextDecoder();

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void decodesUtf8WithoutBom() {
    DecodedText d = decoder.decode("Grüße aus Köln".getBytes(StandardCharsets.UTF_8));
    assertThat(d.text()).isEqualTo("Grüße aus Köln");
    assertThat(d.encoding()).isEqualTo("UTF-8");
    assertThat(d.guessed()).isFalse();
  }

  @Test
  void decodesUtf8WithBomAndDropsTheBom() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    DecodedText d = decoder.decode(concat(bom, "Straße".getBytes(StandardCharsets.UTF_8)));
    assertThat(d.text()).isEqualTo("Straße");
  }

  @Test
  void decodesUtf16WithEitherByteOrderMark() {
    byte[] le = {(byte) 0xFF, (byte) 0xFE};
    byte[] be = {(byte) 0xFE, (byte) 0xFF};
    assertThat(decoder.decode(concat(le, "Übung".getBytes(StandardCharsets.UTF_16LE))).text())
        .isEqualTo("Übung");
    assertThat(decoder.decode(concat(be, "Übung".getBytes(StandardCharsets.UTF_16BE))).text())
        .isEqualTo("Übung");
  }

  @Test
  void decodesLegacyWindows1252AndSaysItGuessed() {
    byte[] bytes = "„Grüße“ – 5 €".getBytes(Charset.forName("windows-1252"));
    DecodedText d = decoder.decode(bytes);
    assertThat(d.text()).isEqualTo("„Grüße“ – 5 €");
    assertThat(d.encoding()).isEqualTo("windows-1252");
    assertThat(d.guessed()).isTrue();
  }

  @Test
  void decodesLatin1UmlautsAsLegacyText() {
    byte[] bytes = "Öl und Äpfel".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(decoder.decode(bytes).text()).isEqualTo("Öl und Äpfel");
  }

  @Test
  void recognisesUtf16WithoutABomByItsNulBytesAndSaysSo() {
    String text = "Grüße aus München.\nDas Öl ist teuer, sagte sie.\n";
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      DecodedText d = decoder.decode(text.getBytes(cs));
      assertThat(d.text()).isEqualTo(text);
      assertThat(d.encoding()).isEqualTo(cs.name());
      assertThat(d.notice()).contains("no byte-order mark").contains(cs.name());
    }
  }

  @Test
  void binaryWithNulBytesOnOneSideIsStillBinary() {
    byte[] bytes = new byte[64];
    for (int i = 0; i < bytes.length; i += 2) {
      bytes[i] = (byte) (i % 7 + 1); // control characters as UTF-16LE
    }
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binary");
  }

  @Test
  void utf8WithAFewInvalidBytesKeepsItsUtf8AndNamesTheLines() {
    byte[] good1 = "Grüße aus München.\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad2 = {'Z', 'w', 'e', 'i', ' ', (byte) 0xFC, 'b', 'e', 'r', '\n'};
    byte[] good3 = "Straße und Größe.\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad4 = {'V', 'i', 'e', 'r', ' ', (byte) 0xE4, '\n'};
    DecodedText d = decoder.decode(concat(concat(good1, bad2), concat(good3, bad4)));
    assertThat(d.encoding()).isEqualTo("UTF-8");
    assertThat(d.text())
        .isEqualTo("Grüße aus München.\nZwei \uFFFDber\nStraße und Größe.\nVier \uFFFD\n");
    assertThat(d.notice()).contains("2 bytes not valid UTF-8").contains("lines 2, 4");
  }

  @Test
  void legacyTextIsNotTakenForUtf8WithInvalidBytes() {
    // One accidental valid UTF-8 pair (Ã then ¼ in Windows-1252) among many legacy letters.
    byte[] bytes = "Grüße, Öl, Äpfel, Maß und Ã¼ber".getBytes(Charset.forName("windows-1252"));
    DecodedText d = decoder.decode(bytes);
    assertThat(d.encoding()).isEqualTo("windows-1252");
    assertThat(d.text()).isEqualTo("Grüße, Öl, Äpfel, Maß und Ã¼ber");
    assertThat(d.notice()).contains("not valid UTF-8, decoded as windows-1252");
  }

  @Test
  void refusesBinaryWithNulBytes() {
    byte[] bytes = {'P', 'K', 3, 4, 0, 0, 'x', 'y'};
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binary");
  }

  @Test
  void refusesBytesThatDecodeToControlCharacters() {
    byte[] bytes = new byte[200];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 2 == 0 ? 0x01 + (i % 7) : 0x81);
    }
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
  }

  @Test
  void refusesBrokenUtf16AfterItsBom() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0};
    assertThatThrownBy(() -> decoder.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-16LE");
  }

  @Test
  void keepsTabsAndNewlinesInText() {
    assertThat(decoder.decode("a\tb\r\nc\n".getBytes(StandardCharsets.UTF_8)).text())
        .isEqualTo("a\tb\r\nc\n");
  }
}
