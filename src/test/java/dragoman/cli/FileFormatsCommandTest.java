package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.export.XmlValidation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** translate, review, run and export with translators' files, good and bad. */
class FileFormatsCommandTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");
  static final Path FILES = Path.of("src/test/resources/dragoman/formats");
  static final List<String> SEEDS =
      List.of("000_e18c1f390b05e017", "001_3509b7d76f1efd1d", "004_6de4123e443d2e83");

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

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badFilesGetOneLineEachAndTheBatchGoesOn() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    byte[] xlf = Files.readAllBytes(FILES.resolve("sample.xlf"));
    Files.write(in.resolve("truncated.xlf"), Arrays.copyOf(xlf, xlf.length * 2 / 3));
    Files.writeString(in.resolve("letter.docx"), "Sehr geehrte Damen und Herren,\n");
    Files.writeString(
        in.resolve("french.xlf"),
        new String(xlf, StandardCharsets.UTF_8)
            .replace("source-language=\"de-DE\"", "source-language=\"fr-FR\""));
    Files.copy(FILES.resolve("page.html"), in.resolve("page.html"));
    Path result = tmp.resolve("out");
    int code =
        Main.execute(
            "translate",
            in.resolve("truncated.xlf").toString(),
            in.resolve("letter.docx").toString(),
            in.resolve("french.xlf").toString(),
            in.resolve("page.html").toString(),
            "--model",
            MODEL.toString(),
            "--beam",
            "1",
            "-o",
            result.toString());
    assertThat(code).as(stderr()).isEqualTo(1);
    List<String> lines =
        stderr().lines().filter(l -> l.startsWith("dragoman translate: ")).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("truncated.xlf: cannot read as xliff12");
    assertThat(lines.get(1)).contains("letter.docx: not a DOCX file (not a zip archive)");
    assertThat(lines.get(2)).contains("french.xlf: source language is fr-FR, not German");
    assertThat(result.resolve("page.html")).isRegularFile();
    assertThat(Files.readString(result.resolve("page.html"))).doesNotContain("unterzeichnet");
  }

  @Test
  void unknownInputFormatIsAUsageError() {
    assertThat(
            Main.execute(
                "translate", FILES.resolve("page.html").toString(), "--input-format", "rtf"))
        .isEqualTo(2);
    assertThat(stderr()).contains("unknown input format rtf");
  }

  @Test
  void reviewOfAnXliffWritesTheXliffBackWithItsFindingsAsNotes() throws Exception {
    Path result = tmp.resolve("reviewed.xlf");
    int code =
        Main.execute(
            "review",
            FILES.resolve("sample.xlf").toString(),
            "--no-grammar",
            "-o",
            result.toString());
    assertThat(code).as(stderr()).isZero();
    byte[] xlf = Files.readAllBytes(result);
    assertThat(XmlValidation.xliff12Errors(xlf)).isEmpty();
    assertThat(new String(xlf, StandardCharsets.UTF_8))
        .contains("<source>Das ist <g id=\"g1\">sehr wichtig</g> für uns.</source>");
  }

  @Test
  void segmentOfAnHtmlFileGivesTheSentencesTranslateSees() throws Exception {
    int code = Main.execute("segment", FILES.resolve("page.html").toString(), "--format", "txt");
    assertThat(code).as(stderr()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "Der Vertrag",
            "Der Vertrag",
            "Der Vertrag wurde am Montag unterzeichnet.",
            "Das ist sehr wichtig für uns.",
            "Lesen Sie den ganzen Text hier.",
            "Danke.");
  }

  @Test
  void exportXliff12ValidatesAgainstTheOasisSchema() throws Exception {
    Path jsonl = tmp.resolve("doc.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\":\"doc#p0.s0\",\"doc\":\"doc\",\"start\":0,\"end\":13,\"de\":\"Guten Morgen.\","
            + "\"en\":\"Good morning.\",\"mt\":{\"model\":\"m\",\"logprob\":-0.5,\"parts\":1},"
            + "\"review\":{\"score\":0.8,\"flag\":true,\"kind\":\"prose\",\"findings\":[{"
            + "\"detector\":\"surface\",\"rule\":\"r\",\"start\":0,\"end\":5,\"message\":\"odd\","
            + "\"severity\":\"MAJOR\"}]}}\n"
            + "{\"id\":\"doc#p0.s1\",\"doc\":\"doc\",\"start\":14,\"end\":20,\"de\":\"Danke.\"}\n");
    Path xlf = tmp.resolve("doc.xlf");
    assertThat(
            Main.execute("export", jsonl.toString(), "--format", "xliff12", "-o", xlf.toString()))
        .as(stderr())
        .isZero();
    byte[] bytes = Files.readAllBytes(xlf);
    assertThat(XmlValidation.xliff12Errors(bytes)).isEmpty();
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("<trans-unit id=\"doc#p0.s0\">")
        .contains("state=\"needs-review-translation\"")
        .contains("state-qualifier=\"mt-suggestion\"")
        .contains("MAJOR surface/r \"Guten\": odd");
    assertThat(XmlValidation.okapiXliff12Units(bytes)).isEqualTo(2);
  }

  @Test
  void runWritesXliff12ByDefaultAndTheFilesBackInTheirOwnFormat() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (String f : List.of("sample.xlf", "sample2.xlf", "page.html")) {
      Files.copy(FILES.resolve(f), in.resolve(f));
    }
    Path out12 = tmp.resolve("out12");
    assertThat(
            Main.execute(
                args("run", in.toString(), "--out", out12.toString(), common("*.xlf", "*.html"))))
        .as(stderr())
        .isZero();
    byte[] export = Files.readAllBytes(out12.resolve("sample.xlf"));
    assertThat(XmlValidation.xliff12Errors(export)).isEmpty();
    // Units 1, 2, 3 and 5 have German to review (4 is translate="no").
    assertThat(XmlValidation.okapiXliff12Units(export)).isEqualTo(4);
    byte[] filled = Files.readAllBytes(out12.resolve("sample.en.xlf"));
    assertThat(XmlValidation.xliff12Errors(filled)).isEmpty();
    assertThat(XmlValidation.okapiXliff12Units(filled)).isEqualTo(5);
    assertThat(XmlValidation.xliffErrors(Files.readAllBytes(out12.resolve("sample2.en.xlf"))))
        .isEmpty();
    assertThat(XmlValidation.okapiXliff2Units(out12.resolve("sample2.en.xlf"))).isEqualTo(3);
    assertThat(Files.readString(out12.resolve("page.en.html"))).doesNotContain("unterzeichnet");
    try (Stream<Path> files = Files.list(out12)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("sample.jsonl", "sample2.jsonl", "page.jsonl", "page.tmx", "index.html");
    }
  }

  @Test
  void runWithXliff21WritesFilesOkapisValidatingReaderReadsForEverySeed() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (String n : SEEDS) {
      Files.copy(Path.of("corpus", n + ".txt"), in.resolve(n + ".txt"));
    }
    Path out21 = tmp.resolve("out21");
    assertThat(
            Main.execute(
                args(
                    "run",
                    in.toString(),
                    "--out",
                    out21.toString(),
                    "--xliff",
                    "2.1",
                    common("*.txt"))))
        .as(stderr())
        .isZero();
    for (String n : SEEDS) {
      Path xlf = out21.resolve(n + ".xlf");
      assertThat(XmlValidation.xliffErrors(Files.readAllBytes(xlf))).as(n).isEmpty();
      assertThat(XmlValidation.okapiXliff2Units(xlf)).as(n).isPositive();
    }
  }

  private static List<String> common(String... includes) {
    List<String> a = new ArrayList<>();
    for (String i : includes) {
      a.add("--include");
      a.add(i);
    }
    a.addAll(List.of("--model", MODEL.toString(), "--beam", "1", "--no-progress"));
    return a;
  }

  private static String[] args(
      String command, String in, String flag, String value, List<String> rest) {
    List<String> a = new ArrayList<>(List.of(command, in, flag, value));
    a.addAll(rest);
    return a.toArray(String[]::new);
  }

  private static String[] args(
      String command,
      String in,
      String flag,
      String value,
      String f2,
      String v2,
      List<String> rest) {
    List<String> a = new ArrayList<>(List.of(command, in, flag, value, f2, v2));
    a.addAll(rest);
    return a.toArray(String[]::new);
  }
}
