package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import dragoman.review.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
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
  void runOutputsReExportToTheSameBytes() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.copy(Path.of("corpus", "004_6de4123e443d2e83.txt"), in.resolve("doc.txt"));
    Path out = tmp.resolve("out");
    assertThat(Main.execute("run", in.toString(), "--out", out.toString(), "--offline")).isZero();
    Path jsonl = out.resolve("doc.jsonl");
    for (String[] f : new String[][] {{"tmx", "doc.tmx"}, {"xliff12", "doc.xlf"}}) {
      Path again = tmp.resolve("again." + f[0]);
      assertThat(
              Main.execute("export", jsonl.toString(), "--format", f[0], "--out", again.toString()))
          .isZero();
      assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(out.resolve(f[1])));
    }
  }

  @Test
  void savedReviewsBecomeTsvAndAViewer() throws Exception {
    String de = "Daher ist es leicht, den 1. November abzutun versprechen Die Aussage stimmt.";
    int s = de.indexOf("versprechen");
    SegmentRecord r =
        new SegmentRecord(
                "d#p0.s0", "d", 100, 100 + de.length(), de, "It is easy.", null, null, null)
            .withReview(
                new SegmentReview(
                    0.8,
                    true,
                    SegmentReview.PROSE,
                    List.of(
                        new Finding(
                            "structure",
                            "splice",
                            100 + s,
                            100 + s + 23,
                            "spliced",
                            null,
                            Severity.MAJOR))));
    Path jsonl = tmp.resolve("d.jsonl");
    try (var os = Files.newOutputStream(jsonl)) {
      new JsonlWriter(os).write(r);
    }
    Path tsv = tmp.resolve("d.tsv");
    assertThat(Main.execute("export", jsonl.toString(), "--format", "tsv", "-o", tsv.toString()))
        .isZero();
    assertThat(Files.readString(tsv)).isEqualTo(de + "\tIt is easy.\n");
    Path html = tmp.resolve("d.html");
    assertThat(Main.execute("export", jsonl.toString(), "--format", "html", "-o", html.toString()))
        .isZero();
    assertThat(Files.readString(html)).contains("\"rule\":\"splice\"").contains("<!DOCTYPE html>");
  }

  @Test
  void aLineThatIsNotARecordIsOneLineNamingFileAndLine() throws Exception {
    Path jsonl = tmp.resolve("bad.jsonl");
    Files.writeString(jsonl, "{\"id\":\"a#p0.s0\",\"de\":\"x\"}\nnot json\n");
    assertThat(
            Main.execute(
                "export",
                jsonl.toString(),
                "--format",
                "tmx",
                "-o",
                tmp.resolve("x.tmx").toString()))
        .isEqualTo(1);
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(err.lines().toList())
        .singleElement()
        .asString()
        .contains("bad.jsonl:2: not a segment record");
    assertThat(tmp.resolve("x.tmx")).doesNotExist();
  }

  @Test
  void aMissingFormatIsAUsageError() {
    assertThat(Main.execute("export", "x.jsonl")).isEqualTo(2);
    assertThat(Main.execute("export", "x.jsonl", "--format", "pdf")).isEqualTo(2);
  }
}
