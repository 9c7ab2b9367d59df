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

  /** export's help says it takes align results: the JSONL of align --format jsonl. */
  @Test
  void alignJsonlExportsAsTsvTmxAndXliff() throws Exception {
    Path de = tmp.resolve("de.txt");
    Path en = tmp.resolve("en.txt");
    Files.writeString(de, "Der Zug fährt um 8 Uhr.\nEr hat 3 Wagen.\nDas ist alles.\n");
    Files.writeString(
        en, "The train leaves at 8.\nIt has 3 carriages.\nThat is all.\nPrinted in 2021.\n");
    Path beads = tmp.resolve("pair.jsonl");
    assertThat(
            Main.execute(
                "align",
                "--presegmented",
                "--format",
                "jsonl",
                "-o",
                beads.toString(),
                de.toString(),
                en.toString()))
        .isZero();
    Path tsv = tmp.resolve("pair.tsv");
    assertThat(Main.execute("export", beads.toString(), "--format", "tsv", "-o", tsv.toString()))
        .isZero();
    assertThat(Files.readString(tsv))
        .startsWith("Der Zug fährt um 8 Uhr.\tThe train leaves at 8.\n")
        .contains("Er hat 3 Wagen.\tIt has 3 carriages.\n");
    Path tmx = tmp.resolve("pair.tmx");
    assertThat(Main.execute("export", beads.toString(), "--format", "tmx", "-o", tmx.toString()))
        .isZero();
    assertThat(dragoman.export.XmlValidation.tmxErrors(Files.readAllBytes(tmx))).isEmpty();
    assertThat(Files.readString(tmx)).contains("<seg>Das ist alles.</seg>");
    Path xlf = tmp.resolve("pair.xlf");
    assertThat(Main.execute("export", beads.toString(), "--format", "xliff", "-o", xlf.toString()))
        .isZero();
    assertThat(dragoman.export.XmlValidation.xliffErrors(Files.readAllBytes(xlf))).isEmpty();
  }

  @Test
  void aBeadWithNoGermanSentenceIsLeftOutWithANotice() throws Exception {
    Path beads = tmp.resolve("pair.jsonl");
    Files.writeString(
        beads,
        "{\"source\":[0],\"target\":[0],\"cost\":-1.5,\"source_text\":\"Ja.\","
            + "\"target_text\":\"Yes.\"}\n"
            + "{\"source\":[],\"target\":[1],\"cost\":0.5,\"source_text\":\"\","
            + "\"target_text\":\"Printed.\"}\n"
            + "{\"source\":[1],\"target\":[],\"cost\":0.5,\"source_text\":\"Nein.\","
            + "\"target_text\":\"\"}\n");
    Path tsv = tmp.resolve("pair.tsv");
    assertThat(Main.execute("export", beads.toString(), "--format", "tsv", "-o", tsv.toString()))
        .isZero();
    // TSV, like TMX, holds pairs: "Nein." has no English and is no pair.
    assertThat(Files.readString(tsv)).isEqualTo("Ja.\tYes.\n");
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("pair.jsonl: 1 alignment beads with no German sentence (0-1) left out");
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
