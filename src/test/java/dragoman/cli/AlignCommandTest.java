package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dragoman.export.JsonlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlignCommandTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private static final String DE =
      "Die Expedition brach am 3. April 1956 von Kathmandu auf.\n"
          + "Das Wetter war schlecht.\n"
          + "Am 18. Mai standen Reiss und Luchsinger auf dem Gipfel des Lhotse.\n";
  private static final String EN =
      "The expedition left Kathmandu on 3 April 1956.\n"
          + "The weather was bad.\n"
          + "On 18 May Reiss and Luchsinger stood on the summit of Lhotse.\n";

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p);
  }

  @Test
  void fiveGermanSentencesAgainstOneEnglishLinkTheMatchAndSaySo() throws IOException {
    Path out = dir.resolve("out.beads");
    String five =
        "Das Wetter war schlecht, und die Träger wollten nicht weiter.\n"
            + "Nach zwei Wochen erreichten wir endlich das Basislager am Gletscher.\n"
            + "Am 18. Mai standen Reiss und Luchsinger auf dem Gipfel des Lhotse.\n"
            + "Der Abstieg dauerte noch einmal drei lange Tage im Sturm.\n"
            + "Erst im Juni kehrte die ganze Mannschaft nach Kathmandu zurück.\n";
    int rc =
        run(
            "align",
            "--presegmented",
            "--format",
            "beads",
            "-o",
            out.toString(),
            file("five.de", five).toString(),
            file("one.en", "On 18 May Reiss and Luchsinger stood on the summit of Lhotse.\n")
                .toString());
    assertThat(rc).isZero();
    assertThat(lines(out).stream().map(l -> l.substring(0, l.lastIndexOf(':'))))
        .containsExactly("[0]:[]", "[1]:[]", "[2]:[0]", "[3]:[]", "[4]:[]");
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            l -> assertThat(l).contains("notice").contains("5 sentences").contains("1 sentence"));
  }

  @Test
  void writesVecalignBeadsWithCosts() throws IOException {
    Path out = dir.resolve("out.beads");
    int rc =
        run(
            "align",
            "--presegmented",
            "--format",
            "beads",
            "-o",
            out.toString(),
            file("de", DE).toString(),
            file("en", EN).toString());
    assertThat(rc).isZero();
    List<String> beads = lines(out);
    assertThat(beads).hasSize(3);
    assertThat(beads.get(0)).matches("\\[0\\]:\\[0\\]:-?\\d+\\.\\d{6}");
    assertThat(beads.get(2)).startsWith("[2]:[2]:");
  }

  @Test
  void jsonlCarriesBothSidesTextAndCost() throws IOException {
    Path out = dir.resolve("out.jsonl");
    run(
        "align",
        "--presegmented",
        "-o",
        out.toString(),
        file("de", DE).toString(),
        file("en", EN).toString());
    JsonNode first = JsonlWriter.mapper().readTree(lines(out).get(0));
    assertThat(first.get("source").get(0).asInt()).isZero();
    assertThat(first.get("target_text").asText())
        .isEqualTo("The expedition left Kathmandu on 3 April 1956.");
    assertThat(first.get("source_text").asText()).startsWith("Die Expedition");
    assertThat(first.get("cost").isNumber()).isTrue();
  }

  @Test
  void rawTextIsSegmentedAndTsvHasPairs() throws IOException {
    Path out = dir.resolve("out.tsv");
    Path de = file("de.txt", DE.replace("\n", " "));
    Path en = file("en.txt", EN.replace("\n", " "));
    assertThat(run("align", "--format", "tsv", "-o", out.toString(), de.toString(), en.toString()))
        .isZero();
    List<String> pairs = lines(out);
    assertThat(pairs).hasSize(3);
    assertThat(pairs.get(1)).isEqualTo("Das Wetter war schlecht.\tThe weather was bad.");
  }

  @Test
  void emptySourceGivesInsertionsAndANotice() throws IOException {
    Path out = dir.resolve("out.beads");
    int rc =
        run(
            "align",
            "--presegmented",
            "--format",
            "beads",
            "-o",
            out.toString(),
            file("empty", "").toString(),
            file("en", EN).toString());
    assertThat(rc).isZero();
    assertThat(lines(out)).hasSize(3).allMatch(l -> l.startsWith("[]:["));
    assertThat(err.toString()).contains("has no sentences");
  }

  @Test
  void translationWithTheWrongLineCountIsOneLineAndExitOne() throws IOException {
    Path out = dir.resolve("out.beads");
    int rc =
        run(
            "align",
            "--presegmented",
            "--src-translation",
            file("tr", "one line\n").toString(),
            "-o",
            out.toString(),
            file("de", DE).toString(),
            file("en", EN).toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("tr: 1 lines, but the source has 3 sentences");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingFileIsOneLine() throws IOException {
    int rc =
        run("align", "--presegmented", dir.resolve("nope").toString(), file("en", EN).toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().strip()).contains("nope: cannot read: no such file");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void modelTranslatesTheSourceOnTheFly() throws IOException {
    Path fixture = Path.of("src/test/resources/models/tiny-marian");
    Path out = dir.resolve("out.beads");
    int rc =
        run(
            "align",
            "--presegmented",
            "--format",
            "beads",
            "--model",
            fixture.toString(),
            "-o",
            out.toString(),
            file("de", DE).toString(),
            file("en", EN).toString());
    assertThat(rc).as(err.toString()).isZero();
    // The toy model's English is noise, but length and anchors still carry this easy case.
    assertThat(lines(out)).hasSize(3);
    assertThat(lines(out).get(1)).startsWith("[1]:[1]:");
  }

  @Test
  void missingModelDirectoryIsOneLineAndExitOne() throws IOException {
    int rc =
        run(
            "align",
            "--presegmented",
            "--model",
            dir.resolve("no-model").toString(),
            file("de", DE).toString(),
            file("en", EN).toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("no-model");
  }

  @Test
  void modelAndSourceTranslationTogetherIsAUsageError() throws IOException {
    int rc =
        run(
            "align",
            "--model",
            dir.toString(),
            "--src-translation",
            file("tr", "x\n").toString(),
            file("de", DE).toString(),
            file("en", EN).toString());
    assertThat(rc).isEqualTo(2);
  }
}
