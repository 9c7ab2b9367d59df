package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/models/tiny-marian");
  private static final Pattern DIFFER = Pattern.compile(": (\\d+) of (\\d+) sample sentences");

  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    String s = out.toString(StandardCharsets.UTF_8);
    out.reset();
    return s;
  }

  /** The tokenizer files of the fixture, nothing else. */
  private Path tokenizerCopy() throws IOException {
    Path dir = tmp.resolve("model");
    Files.createDirectories(dir);
    for (String f :
        List.of(
            "tokenizer.json", "tokenizer_config.json", "source.spm", "target.spm", "vocab.json")) {
      Files.copy(FIXTURE.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  private static int differing(String report) {
    Matcher m = DIFFER.matcher(report);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void verifySaysWhichTokenizerTranslationUses() {
    assertThat(Main.execute("model", "verify", FIXTURE.toString())).isZero();
    assertThat(stdout()).contains(": ok; tokenizer: source.spm + target.spm + vocab.json");
  }

  @Test
  void verifyTokenizerCatchesAWrongPieceInTokenizerJson() throws IOException {
    Path dir = tokenizerCopy();
    Main.execute("model", "verify", "--tokenizer", dir.toString());
    int before = differing(stdout());

    // Rename the piece "▁Die" (id unchanged): tokenizer.json then splits "Die" differently.
    ObjectMapper mapper = new ObjectMapper();
    Path json = dir.resolve("tokenizer.json");
    ObjectNode root = (ObjectNode) mapper.readTree(json.toFile());
    ArrayNode vocab = (ArrayNode) root.path("model").path("vocab");
    int renamed = 0;
    for (int i = 0; i < vocab.size(); i++) {
      ArrayNode entry = (ArrayNode) vocab.get(i);
      if (entry.get(0).asText().equals("\u2581Die")) {
        entry.set(0, TextNode.valueOf("\u2581Dxe"));
        renamed++;
      }
    }
    assertThat(renamed).isEqualTo(1);
    mapper.writeValue(json.toFile(), root);

    assertThat(Main.execute("model", "verify", "--tokenizer", "--show", "100", dir.toString()))
        .isEqualTo(1);
    String report = stdout();
    assertThat(differing(report)).isGreaterThan(before);
    assertThat(report)
        .contains("\"Die Bundesregierung hat am Mittwoch")
        .contains("source.spm:     \u2581Die \u2581Bundes");
  }

  @Test
  void verifyTokenizerNeedsBothTokenizers() throws IOException {
    Path dir = tokenizerCopy();
    Files.delete(dir.resolve("source.spm"));
    assertThat(Main.execute("model", "verify", "--tokenizer", dir.toString())).isEqualTo(1);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e.lines()).hasSize(1);
    assertThat(e).contains("source.spm");
  }
}
