package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import dragoman.mt.marian.MarianTranslator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");

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
  void writesOneJsonlRecordPerSentenceWithEnglishAndHowItWasMade() throws Exception {
    Path in = tmp.resolve("brief.txt");
    Files.writeString(in, "Guten Morgen. Wie geht es dir?\nDas ist gut.\n");
    Path result = tmp.resolve("brief.jsonl");
    int code =
        Main.execute(
            "translate",
            in.toString(),
            "--model",
            MODEL.toString(),
            "--beam",
            "1",
            "-o",
            result.toString());
    assertThat(code).as(stderr()).isZero();
    List<JsonNode> records = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (String line : Files.readAllLines(result)) {
      records.add(m.readTree(line));
    }
    assertThat(records)
        .extracting(r -> r.get("id").asText())
        .containsExactly("brief#p0.s0", "brief#p0.s1", "brief#p1.s0");
    assertThat(records)
        .extracting(r -> r.get("de").asText())
        .containsExactly("Guten Morgen.", "Wie geht es dir?", "Das ist gut.");
    List<Translation> direct;
    try (MarianTranslator t =
        MarianTranslator.open(MODEL, GenerationOptions.defaults().withNumBeams(1))) {
      direct = t.translate(List.of("Guten Morgen.", "Wie geht es dir?", "Das ist gut."));
    }
    for (int i = 0; i < 3; i++) {
      JsonNode r = records.get(i);
      assertThat(r.get("en").asText()).isEqualTo(direct.get(i).text()).isNotBlank();
      assertThat(r.get("mt").get("model").asText()).isEqualTo("tiny-marian");
      assertThat(r.get("mt").get("logprob").asDouble())
          .isNegative()
          .isEqualTo(direct.get(i).averageLogProbability());
      assertThat(r.get("mt").get("parts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void oneBadFileDoesNotStopTheOthers() throws Exception {
    Path good = tmp.resolve("good.txt");
    Files.writeString(good, "Ein Satz.\n");
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, "");
    Path outDir = tmp.resolve("out");
    int code =
        Main.execute(
            "translate",
            good.toString(),
            tmp.resolve("missing.txt").toString(),
            empty.toString(),
            "--model",
            MODEL.toString(),
            "--beam",
            "1",
            "--format",
            "txt",
            "-o",
            outDir.toString());
    assertThat(code).isEqualTo(1);
    assertThat(Files.readAllLines(outDir.resolve("good.txt"))).hasSize(1);
    assertThat(stderr().lines().filter(l -> l.contains("missing.txt"))).hasSize(1);
    assertThat(stderr().lines().filter(l -> l.contains("empty.txt"))).hasSize(1);
  }

  @Test
  void aMissingModelDirectoryIsOneLine() throws Exception {
    Path in = tmp.resolve("a.txt");
    Files.writeString(in, "Hallo.\n");
    int code = Main.execute("translate", in.toString(), "--model", tmp.resolve("nope").toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains("nope").contains("no such model directory");
  }

  @Test
  void aNegativeCountIsAUsageErrorNamingItsFlag() throws Exception {
    Path in = tmp.resolve("a.txt");
    Files.writeString(in, "Hallo.\n");
    int code =
        Main.execute(
            "translate", in.toString(), "--model", MODEL.toString(), "--max-batch-tokens", "-5");
    assertThat(code).isEqualTo(2);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains("--max-batch-tokens must be positive").contains("-5");
  }

  @Test
  void modelVerifyPassesOnTheFixtureAndConvertWritesATokenizer() throws Exception {
    assertThat(Main.execute("model", "verify", MODEL.toString())).as(stderr()).isZero();
    Path dir = tmp.resolve("export");
    Files.createDirectories(dir);
    for (String f : List.of("source.spm", "vocab.json", "config.json")) {
      Files.copy(MODEL.resolve(f), dir.resolve(f));
    }
    assertThat(Main.execute("model", "convert", dir.toString())).isZero();
    assertThat(dir.resolve("tokenizer.json")).isRegularFile();
    assertThat(Main.execute("model", "pull", "no-such-model")).isEqualTo(2);
  }
}
