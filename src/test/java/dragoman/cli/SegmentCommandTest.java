package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
  @TempDir Path dir;
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
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesJsonlRecordsWithOffsetsIntoTheDocument() throws IOException {
    Path f = dir.resolve("brief.txt");
    Files.writeString(f, "Hallo Welt. Wie geht es?\nGut.");
    assertThat(Main.execute("segment", f.toString())).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("id").asText()).isEqualTo("brief#p0.s1");
    assertThat(second.get("doc").asText()).isEqualTo("brief");
    assertThat(second.get("start").asInt()).isEqualTo(12);
    assertThat(second.get("end").asInt()).isEqualTo(24);
    assertThat(second.get("de").asText()).isEqualTo("Wie geht es?");
  }

  @Test
  void badFileIsOneLineAndTheRestOfTheBatchIsDone() throws IOException {
    Path good = dir.resolve("good.txt");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(good, "Ein Satz.");
    Files.write(bad, new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10});
    int code = Main.execute("segment", "--format", "txt", bad.toString(), good.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stdout()).isEqualTo("Ein Satz.\n");
    assertThat(stderr().lines().toList())
        .singleElement()
        .asString()
        .contains("bad.txt")
        .contains("binary");
  }

  @Test
  void severalInputsWithOutGoToOneFilePerDocument() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    Files.writeString(in.resolve("a.txt"), "Eins.");
    Files.writeString(in.resolve("sub/b.txt"), "Zwei. Drei.");
    Path outDir = dir.resolve("out");
    assertThat(
            Main.execute("segment", "--format", "txt", "--out", outDir.toString(), in.toString()))
        .isZero();
    assertThat(Files.readString(outDir.resolve("a.txt"))).isEqualTo("Eins.\n");
    assertThat(Files.readString(outDir.resolve("sub/b.txt"))).isEqualTo("Zwei.\nDrei.\n");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void readsStandardInputForDash() {
    java.io.InputStream oldIn = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream("Erstens. Zweitens.".getBytes(StandardCharsets.UTF_8)));
    try {
      assertThat(Main.execute("segment", "--format", "txt", "-")).isZero();
    } finally {
      System.setIn(oldIn);
    }
    assertThat(stdout()).isEqualTo("Erstens.\nZweitens.\n");
  }

  @Test
  void legacyEncodedFileIsDecodedWithANotice() throws IOException {
    Path f = dir.resolve("alt.txt");
    Files.write(f, "Grüße aus Köln.".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    assertThat(Main.execute("segment", "--format", "txt", f.toString())).isZero();
    assertThat(stdout()).isEqualTo("Grüße aus Köln.\n");
    assertThat(stderr()).contains("alt.txt").contains("windows-1252");
  }

  @Test
  void missingFileGivesExitOneAndNamesIt() {
    assertThat(Main.execute("segment", dir.resolve("gone.txt").toString())).isEqualTo(1);
    assertThat(stderr()).contains("gone.txt: no such file or folder");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(Main.execute("segment", "--no-such-option", "x.txt")).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd :
        List.of("run", "segment", "translate", "review", "align", "export", "eval", "model")) {
      assertThat(Main.execute(cmd, "--help")).as(cmd).isZero();
    }
    assertThat(Main.execute("--version")).isZero();
  }
}
