package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private final DocumentReader reader =
      new DocumentReader(new DocumentSegmenter(Language.GERMAN), 1000);
  private final InputSource source = new InputSource("doc", Path.of("doc.txt"));

  @Test
  void readsCrlfUtf8IntoNormalisedSegments() throws BadInputException {
    byte[] bytes = "Erster Satz. Zweiter.\r\nDritter.\r\n".getBytes(StandardCharsets.UTF_8);
    DocumentReader.Result r = reader.read(source, bytes);
    assertThat(r.document().text()).isEqualTo("Erster Satz. Zweiter.\nDritter.\n");
    assertThat(r.document().segments()).hasSize(3);
    assertThat(r.notice()).isEmpty();
  }

  @Test
  void legacyEncodingComesWithANoticeNamingTheFile() throws BadInputException {
    byte[] bytes = "Grüße.".getBytes(Charset.forName("windows-1252"));
    DocumentReader.Result r = reader.read(source, bytes);
    assertThat(r.document().segments().get(0).text()).isEqualTo("Grüße.");
    assertThat(r.notice()).hasValueSatisfying(n -> assertThat(n).startsWith("doc.txt: "));
  }

  @Test
  void emptyAndBlankFilesAreBadInput() {
    assertThatThrownBy(() -> reader.read(source, new byte[0]))
        .isInstanceOf(BadInputException.class)
        .hasMessage("empty file");
    for (String blank : List.of(" \n\n ", "\t\r\n", "\u00A0\u00A0\n\u200B\n", "\uFEFF \u3000\n")) {
      assertThatThrownBy(() -> reader.read(source, blank.getBytes(StandardCharsets.UTF_8)))
          .as("%s", blank.codePoints().mapToObj(Integer::toHexString).toList())
          .isInstanceOf(BadInputException.class)
          .hasMessage("empty file (only whitespace)");
    }
  }

  @Test
  void fileOverTheSizeLimitIsRefusedNotCut(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path big = dir.resolve("big.txt");
    java.nio.file.Files.writeString(big, "Satz. ".repeat(200));
    assertThatThrownBy(() -> reader.read(new InputSource("big", big)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void binaryFileIsBadInputNamingTheFile() {
    assertThatThrownBy(() -> reader.read(source, new byte[] {1, 0, 2, 0}))
        .isInstanceOf(BadInputException.class)
        .satisfies(
            e -> assertThat(((BadInputException) e).oneLine()).startsWith("doc.txt: binary"));
  }
}
