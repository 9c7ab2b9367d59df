package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dragoman.export.JsonlWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void writesOneJsonRecordPerSegmentAndASummary() throws Exception {
    Path in = dir.resolve("a.txt");
    Files.writeString(in, "Von Anna Beispiel\nSie kam spät , blieb aber lange. Es war schön.\n");
    Run r = run("review", "--no-grammar", "--explain", in.toString());
    assertThat(r.exit()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      records.add(JsonlWriter.mapper().readTree(line));
    }
    assertThat(records).hasSize(3);
    assertThat(records.get(0).at("/review/kind").asText()).isEqualTo("boilerplate");
    JsonNode second = records.get(1).at("/review");
    assertThat(second.at("/flag").asBoolean()).isTrue();
    JsonNode space = null;
    for (JsonNode f : second.at("/findings")) {
      if (f.at("/rule").asText().equals("space-before-punctuation")) {
        space = f;
      }
    }
    assertThat(space).as(second.toString()).isNotNull();
    assertThat(space.at("/start").asInt()).isEqualTo(30);
    assertThat(r.err()).contains("flagged").contains("surface/space-before-punctuation");
    assertThat(r.err()).contains("^^");
  }

  @Test
  void theRecordsDoNotDependOnHowManyWorkersReview() throws Exception {
    Path in = dir.resolve("seeds");
    Files.createDirectories(in);
    for (String name : List.of("000_e18c1f390b05e017.txt", "004_6de4123e443d2e83.txt")) {
      Files.copy(Path.of("corpus", name), in.resolve(name));
    }
    Run one = run("review", "--jobs", "1", in.toString());
    Run two = run("review", "-j", "2", in.toString());
    assertThat(one.exit()).isZero();
    assertThat(two.exit()).isZero();
    assertThat(one.out().split("\n")).hasSize(43 + 22);
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(run("review", "--jobs", "0", in.toString()).exit()).isEqualTo(2);
  }

  private static final Path FIXTURE = Path.of("src/test/resources/models/tiny-marian");

  @Test
  void sourceAwareReviewComparesTheBackTranslationWithTheAlignedSource() throws Exception {
    Path de = dir.resolve("de.txt");
    Path en = dir.resolve("en.txt");
    Files.writeString(de, "Der Hund schläft im Garten.\nMorgen regnet es wieder.\n");
    Files.writeString(en, "The dog sleeps in the garden.\nIt will rain again tomorrow.\n");
    // The fixture's random weights translate into word salad, far from any real English: every
    // aligned segment must be reported as drifting from its source, at the segment's offsets.
    Run r =
        run(
            "review",
            "--no-grammar",
            "--offline",
            "--source",
            en.toString(),
            "--model",
            FIXTURE.toString(),
            de.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      records.add(JsonlWriter.mapper().readTree(line));
    }
    assertThat(records).hasSize(2);
    List<String> sources = List.of("The dog sleeps in the garden.", "It will rain again tomorrow.");
    for (int i = 0; i < records.size(); i++) {
      JsonNode rec = records.get(i);
      JsonNode drift = null;
      for (JsonNode f : rec.at("/review/findings")) {
        if (f.get("detector").asText().equals("source")) {
          drift = f;
        }
      }
      assertThat(drift).as(rec.toString()).isNotNull();
      assertThat(drift.get("rule").asText()).isEqualTo("meaning-drift");
      assertThat(drift.get("start").asInt()).isEqualTo(rec.get("start").asInt());
      assertThat(drift.get("end").asInt()).isEqualTo(rec.get("end").asInt());
      assertThat(drift.get("message").asText())
          .contains("against the source \"" + sources.get(i) + "\"");
    }
  }

  @Test
  void sourceNeedsExactlyOneDocumentAndReverseModelNeedsSource() throws Exception {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Files.writeString(a, "Ein Satz.");
    Files.writeString(b, "Noch ein Satz.");
    assertThat(run("review", "--source", a.toString(), a.toString(), b.toString()).exit())
        .isEqualTo(2);
    assertThat(run("review", "--reverse-model", FIXTURE.toString(), a.toString()).exit())
        .isEqualTo(2);
  }

  @Test
  void rejectsUnknownVariantAsUsageError() throws Exception {
    Path in = dir.resolve("a.txt");
    Files.writeString(in, "Ein Satz.\n");
    Run r = run("review", "--variant", "de-XX", in.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("de-XX");
  }

  @Test
  void missingFileFailsWithOneLine() {
    Run r = run("review", "--no-grammar", dir.resolve("nope.txt").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nope.txt");
  }
}
