package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void captureErr() {
    oldErr = System.err;
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(oldErr);
  }

  @Test
  void printsASummaryTableAndWhereTheViewerIs() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("corpus", "004_6de4123e443d2e83.txt"), in.resolve("a.txt"));
    Files.writeString(
        in.resolve("b.txt"),
        "Der Hund schläft im Garten. Die Katze sitzt auf dem Dach.\nMorgen regnet es wieder.\n");
    Path out = tmp.resolve("out");
    assertThat(Main.execute("run", in.toString(), "--out", out.toString(), "-j", "2", "--offline"))
        .isZero();
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(err)
        .containsPattern("(?m)^document\\s+segments\\s+flagged\\s+translated\\s+time$")
        .containsPattern("(?m)^a\\s+22\\s+\\d+\\s+0\\s+[0-9.]+s$")
        // Three plain, idiomatic sentences: nothing to flag.
        .containsPattern("(?m)^b\\s+3\\s+0\\s+0\\s+[0-9.]+s$")
        .containsPattern("(?m)^total \\(2\\)\\s+25\\s+\\d+\\s+0\\s+[0-9.]+s$")
        .contains("viewer at " + out.resolve("index.html"));
  }

  @Test
  void someInputsFailingIsExitOneAndAMissingOutIsUsage() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("ok.txt"), "Ein Satz.\n");
    Path out = tmp.resolve("out");
    assertThat(
            Main.execute(
                "run",
                in.toString(),
                tmp.resolve("missing").toString(),
                "--out",
                out.toString(),
                "--offline"))
        .isEqualTo(1);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("missing: no such file or folder");
    assertThat(out.resolve("ok.jsonl")).isRegularFile();
    assertThat(Main.execute("run", in.toString())).isEqualTo(2);
    assertThat(Main.execute("run", in.toString(), "--out", out.toString(), "--jobs", "0"))
        .isEqualTo(2);
  }
}
