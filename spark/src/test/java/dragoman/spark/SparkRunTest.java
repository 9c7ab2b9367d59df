package dragoman.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local mode against the real {@code dragoman run} (the core's CLI, started as its own
 * process from the root build): the seed articles plus generated documents, bad ones among them,
 * give the same JSONL files byte for byte, the same records in the table field for field, and an
 * error row for each document {@code run} refused, with run's message.
 */
class SparkRunTest {
  private static final Path ROOT = Path.of(System.getProperty("dragoman.root", "..")).normalize();
  private static final Path TINY = ROOT.resolve("src/test/resources/models/tiny-marian");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static SparkSession spark;
  private static Path in;
  private static Path small;

  @BeforeAll
  static void start() throws IOException {
    spark =
        SparkSession.builder()
            // Two cores, and a second attempt for a failed task (the restart test kills one).
            .master("local[2,2]")
            .appName("dragoman-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    in = tmp.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    try (Stream<Path> seeds = Files.list(ROOT.resolve("corpus"))) {
      for (Path p : seeds.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        Files.copy(p, in.resolve(p.getFileName()));
      }
    }
    small = tmp.resolve("small");
    Files.createDirectories(small);
    for (Path dir : List.of(in, small)) {
      generated(dir);
    }
    Files.writeString(
        in.resolve("sub/nested.txt"), "Ein Dokument in einem Unterordner.\nZweiter Absatz.\n");
  }

  /** Documents that exercise reading and alignment, and two that run refuses. */
  private static void generated(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("paired.txt"),
        "Der Hund bellt laut. Die Katze schläft im Garten.\nMorgen regnet es in Berlin.\n");
    Files.writeString(
        dir.resolve("paired.en.txt"),
        "The dog barks loudly. The cat sleeps in the garden.\nTomorrow it rains in Berlin.\n");
    Files.write(
        dir.resolve("legacy.txt"),
        "Über Größe und Maße wird gestritten. Das Ergebnis überrascht.\n"
            .getBytes(Charset.forName("windows-1252")));
    byte[] body =
        "Erste Zeile mit Umlauten: äöü.\r\nZweite Zeile, ebenfalls kurz.\r\n"
            .getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16 = new byte[body.length + 2];
    utf16[0] = (byte) 0xFF;
    utf16[1] = (byte) 0xFE;
    System.arraycopy(body, 0, utf16, 2, body.length);
    Files.write(dir.resolve("utf16.txt"), utf16);
    Files.write(dir.resolve("binary.txt"), new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 1, 2, 3});
    Files.write(dir.resolve("empty.txt"), new byte[0]);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void withoutAModelTheJobWritesRunsRecordsAndAnErrorRowPerBadDocument() throws Exception {
    check(List.of());
  }

  @Test
  void withTheFixtureModelTheJobWritesRunsRecordsAndAnErrorRowPerBadDocument() throws Exception {
    check(List.of("--model", TINY.toString()));
  }

  private static void check(List<String> modelArgs) throws Exception {
    String name = modelArgs.isEmpty() ? "plain" : "model";
    Path runOut = tmp.resolve("run-" + name);
    String runErr = dragomanRun(in, runOut, modelArgs);
    Path jobOut = tmp.resolve("job-" + name);
    List<String> args = new ArrayList<>(List.of(in.toString(), "--out", jobOut.toString()));
    args.addAll(List.of("--jsonl", "--offline", "--partitions", "3"));
    args.addAll(modelArgs);

    int before = ExecutorStages.openedCount();
    assertThat(SparkRun.execute(args.toArray(String[]::new))).as("two bad documents").isEqualTo(1);
    assertThat(ExecutorStages.openedCount() - before)
        .as("stages opened once for three partitions")
        .isLessThanOrEqualTo(1);

    // Per document: the same files, byte for byte.
    Map<String, byte[]> want = jsonlFiles(runOut);
    Map<String, byte[]> got = jsonlFiles(jobOut);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    assertThat(want.keySet()).hasSize(7).contains("sub/nested.jsonl");
    for (String doc : want.keySet()) {
      assertThat(new String(got.get(doc), StandardCharsets.UTF_8))
          .as(doc)
          .isEqualTo(new String(want.get(doc), StandardCharsets.UTF_8));
    }
    if (!modelArgs.isEmpty()) {
      // Translated (an aligned segment's English is the counterpart's, without "mt").
      assertThat(new String(want.get("legacy.jsonl"), StandardCharsets.UTF_8))
          .contains("\"mt\":{\"model\":\"tiny-marian\"");
    }

    // The table: the same records, field for field, and one error row per refused document.
    Dataset<Row> table = spark.read().parquet(jobOut.resolve("segments.parquet").toString());
    assertThat(records(table)).isEqualTo(records(want));
    List<Row> errors = table.where(col("error").isNotNull()).select("doc", "error").collectAsList();
    assertThat(errors).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("binary", "empty");
    for (Row e : errors) {
      assertThat(runErr).contains("dragoman run: " + e.getString(1));
      assertThat(e.getString(1)).contains(e.getString(0) + ".txt");
    }
  }

  @Test
  void aJobRunAgainAfterAKilledTaskEndsWithTheSameTable() throws Exception {
    JobSettings settings =
        new JobSettings(List.of(small.toString(), "--out", "x", "--offline"), null, false, 0);
    List<String> clean = table(settings, tmp.resolve("clean"), (p, a, d) -> {});

    // A task killed after its first document on every attempt: the job fails, then runs again.
    Path restarted = tmp.resolve("restarted");
    assertThatThrownBy(
            () ->
                table(
                    settings,
                    restarted,
                    (p, a, d) -> {
                      if (p == 1 && d == 0) {
                        throw new IllegalStateException("task killed by the test");
                      }
                    }))
        .hasStackTraceContaining("task killed by the test");
    assertThat(table(settings, restarted, (p, a, d) -> {})).isEqualTo(clean);

    // A task killed once, in the middle of its partition: Spark runs it again in the same job.
    List<String> retried =
        table(
            settings,
            tmp.resolve("retried"),
            (p, a, d) -> {
              if (p == 1 && a == 0 && d == 0) {
                throw new IllegalStateException("task killed by the test");
              }
            });
    assertThat(retried).isEqualTo(clean);
    // paired 3 segments, legacy 2, utf16 2, and the error rows of binary and empty.
    assertThat(clean).hasSize(9).doesNotHaveDuplicates();
  }

  @Test
  void aJsonlTableOfDocumentsGivesTheRecordsOfTheSameTextFiles() throws Exception {
    Path table = tmp.resolve("docs.jsonl");
    List<String> lines = new ArrayList<>();
    for (String doc : List.of("paired", "legacy")) {
      ObjectNode row = JSON.createObjectNode();
      row.put("id", doc);
      row.put(
          "de",
          doc.equals("legacy")
              ? new String(
                  Files.readAllBytes(small.resolve("legacy.txt")), Charset.forName("windows-1252"))
              : Files.readString(small.resolve(doc + ".txt")));
      if (doc.equals("paired")) {
        row.put("en", Files.readString(small.resolve("paired.en.txt")));
      }
      lines.add(row.toString());
    }
    Files.write(table, lines);
    JobSettings settings =
        new JobSettings(List.of(table.toString(), "--out", "x", "--offline"), null, false, 0);
    JobSettings files =
        new JobSettings(List.of(small.toString(), "--out", "x", "--offline"), null, false, 0);
    List<String> fromFiles =
        table(files, tmp.resolve("from-files"), (p, a, d) -> {}).stream()
            .filter(r -> r.contains("\"doc\":\"paired\"") || r.contains("\"doc\":\"legacy\""))
            .toList();
    assertThat(table(settings, tmp.resolve("from-table"), (p, a, d) -> {})).isEqualTo(fromFiles);
    assertThat(fromFiles).anyMatch(r -> r.contains("\"align\""));
  }

  /** The job's table as sorted JSON rows (nulls left out). */
  // Spark's to_json leaves null fields out, as the JSONL does.
  private static List<String> table(
      JobSettings settings, Path out, PartitionTask.AfterDocument after) {
    List<String> inputs = settings.args().subList(0, 1);
    DocumentJob.Result result =
        DocumentJob.run(spark, settings, inputs, List.of("*.txt"), out.toString(), 3, after);
    Dataset<Row> t = spark.read().parquet(out.resolve(DocumentJob.TABLE).toString());
    // The counts come from the successful attempts only, like the rows.
    assertThat(result.segments()).isEqualTo(t.where(col("error").isNull()).count());
    assertThat(result.documents())
        .isEqualTo(t.where(col("error").isNull()).select("doc").distinct().count());
    assertThat(result.errors()).hasSize((int) t.where(col("error").isNotNull()).count());
    Column all =
        struct(java.util.Arrays.stream(t.columns()).map(c -> col(c)).toArray(Column[]::new));
    return t.select(to_json(all)).collectAsList().stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  /** The table's segment rows as JSON trees, keyed by segment id (nulls left out, as in JSONL). */
  private static Map<String, JsonNode> records(Dataset<Row> table) throws IOException {
    Dataset<Row> segments = table.where(col("error").isNull()).drop("error");
    Column all =
        struct(java.util.Arrays.stream(segments.columns()).map(c -> col(c)).toArray(Column[]::new));
    Map<String, JsonNode> out = new TreeMap<>();
    for (Row r : segments.select(to_json(all)).collectAsList()) {
      JsonNode n = JSON.readTree(r.getString(0));
      assertThat(out.put(n.get("id").asText(), n)).as("duplicate row %s", n.get("id")).isNull();
    }
    return out;
  }

  /** The records of run's JSONL files, keyed by segment id. */
  private static Map<String, JsonNode> records(Map<String, byte[]> files) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    for (byte[] f : files.values()) {
      for (String line : new String(f, StandardCharsets.UTF_8).split("\n")) {
        JsonNode n = JSON.readTree(line);
        out.put(n.get("id").asText(), n);
      }
    }
    return out;
  }

  private static Map<String, byte[]> jsonlFiles(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  /**
   * {@code dragoman run} itself, from the root build (target/classes and the runtime classpath that
   * {@code mvn verify} or {@code ./dragoman} leave), with no model to be found but the one given.
   *
   * @return its standard error
   */
  private static String dragomanRun(Path input, Path out, List<String> modelArgs) throws Exception {
    Path classes = ROOT.resolve("target/classes");
    Path classpath = ROOT.resolve("target/runtime-classpath.txt");
    assertThat(classpath)
        .as("the core is built (mvn package in the root) before this module's tests")
        .exists();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                classes + java.io.File.pathSeparator + Files.readString(classpath).strip(),
                "dragoman.cli.Main",
                "run",
                input.toString(),
                "--out",
                out.toString(),
                "--offline",
                "--no-progress"));
    cmd.addAll(modelArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().remove("DRAGOMAN_MODEL");
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    Path err = tmp.resolve("run-" + out.getFileName() + ".err");
    pb.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("dragoman run finished").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as("dragoman run: " + stderr).isEqualTo(1);
    return stderr;
  }
}
