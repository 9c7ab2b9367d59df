package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dragoman.cli.Main;
import dragoman.mt.GenerationOptions;
import dragoman.review.ReviewOptions;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --resume} after changing an option that changes the outputs must redo the documents,
 * not keep what the other option made.
 */
class ResumeFingerprintTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");

  @TempDir Path tmp;

  private int run(Path in, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                in.toString(),
                "--out",
                out.toString(),
                "--model",
                MODEL.toString(),
                "--jobs",
                "1",
                "--no-progress"));
    args.addAll(List.of(more));
    return Main.execute(args.toArray(String[]::new));
  }

  @Test
  void beamFourThenBeamOneWithResumeRedoesTheDocuments() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    // Sentences on which the fixture model's greedy and beam-4 outputs differ
    // (reference/greedy.json against reference/beam4.json).
    Files.writeString(in.resolve("a.txt"), "Das Wetter ist heute schön.\nGuten Morgen!\n");
    Files.writeString(in.resolve("b.txt"), "Im Jahr 2021 stiegen die Preise um 3,1 Prozent.\n");

    Path fresh = tmp.resolve("fresh");
    assertThat(run(in, fresh, "--beam", "1")).isZero();
    Path out = tmp.resolve("out");
    assertThat(run(in, out, "--beam", "4")).isZero();
    for (String doc : List.of("a.jsonl", "b.jsonl")) {
      assertThat(Files.readString(out.resolve(doc)))
          .as("the fixture model translates %s differently with beam 1 and beam 4", doc)
          .isNotEqualTo(Files.readString(fresh.resolve(doc)));
    }

    assertThat(run(in, out, "--beam", "1", "--resume")).isZero();
    for (String doc : List.of("a.jsonl", "b.jsonl")) {
      assertThat(Files.readString(out.resolve(doc)))
          .as("%s after --beam 1 --resume is what a fresh --beam 1 run writes", doc)
          .isEqualTo(Files.readString(fresh.resolve(doc)));
    }
  }

  private RunOptions options(GenerationOptions g) {
    return new RunOptions(
        List.of("in"), List.of("*.txt"), tmp, 1, false, null, g, ReviewOptions.defaults(), false);
  }

  /**
   * A component added to the options (or to a record they hold) must reach the fingerprint: this
   * fails when one is missing from the JSON, e.g. after someone excludes it, or when a record type
   * is not serialised component by component.
   */
  @Test
  void everyOptionComponentIsInTheFingerprintExceptThoseThatChangeNoOutput() {
    JsonNode tree = RunFingerprint.options(options(GenerationOptions.defaults()));
    List<String> missing = new ArrayList<>();
    collectMissing(RunOptions.class, tree, "", missing);
    assertThat(missing).as("option components missing from the fingerprint").isEmpty();
    for (String path : RunFingerprint.NOT_OUTPUT) {
      assertThat(componentExists(RunOptions.class, path))
          .as("the component left out, %s, exists (no stale names)", path)
          .isTrue();
      assertThat(tree.at("/" + path.replace('.', '/')).isMissingNode())
          .as("%s is left out", path)
          .isTrue();
    }
  }

  private static boolean componentExists(Class<?> type, String path) {
    String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(head)) {
        return !path.contains(".")
            || (c.getType().isRecord()
                && componentExists(c.getType(), path.substring(path.indexOf('.') + 1)));
      }
    }
    return false;
  }

  private static void collectMissing(
      Class<?> type, JsonNode node, String path, List<String> missing) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (RunFingerprint.NOT_OUTPUT.contains(path + c.getName())) {
        continue;
      }
      JsonNode child = node.get(c.getName());
      if (child == null) {
        missing.add(path + c.getName());
      } else if (c.getType().isRecord()) {
        collectMissing(c.getType(), child, path + c.getName() + ".", missing);
      }
    }
  }

  @Test
  void theFingerprintChangesWithAGenerationOptionAndWithTheModelFiles() {
    Stages none = Stages.of(Optional.empty(), Optional.empty(), Optional.empty());
    GenerationOptions g = GenerationOptions.defaults();
    assertThat(RunFingerprint.of(options(g.withNumBeams(4)), none, FileOptions.DEFAULTS))
        .isNotEqualTo(RunFingerprint.of(options(g.withNumBeams(1)), none, FileOptions.DEFAULTS))
        .isEqualTo(RunFingerprint.of(options(g.withNumBeams(4)), none, FileOptions.DEFAULTS));
    assertThat(RunFingerprint.of(options(g).withJobs(3), none, FileOptions.DEFAULTS))
        .as("--jobs changes no output")
        .isEqualTo(RunFingerprint.of(options(g), none, FileOptions.DEFAULTS));
    assertThat(
            RunFingerprint.of(
                options(g.withRuntime(g.runtime().withOffline(true))), none, FileOptions.DEFAULTS))
        .as("--offline changes no output")
        .isEqualTo(RunFingerprint.of(options(g), none, FileOptions.DEFAULTS));
    assertThat(
            RunFingerprint.of(
                options(g.withRuntime(g.runtime().withMaxBatchTokens(7))),
                none,
                FileOptions.DEFAULTS))
        .as("the batch size changes int8 outputs")
        .isNotEqualTo(RunFingerprint.of(options(g), none, FileOptions.DEFAULTS));

    Stages a = Stages.of(Optional.empty(), Optional.of(stageWith("sha256:aa")), Optional.empty());
    Stages b = Stages.of(Optional.empty(), Optional.of(stageWith("sha256:bb")), Optional.empty());
    assertThat(RunFingerprint.of(options(g), a, FileOptions.DEFAULTS))
        .isNotEqualTo(RunFingerprint.of(options(g), b, FileOptions.DEFAULTS));

    FileOptions xliff21 = new FileOptions(null, dragoman.export.ExportFormat.xliff);
    assertThat(RunFingerprint.of(options(g), none, xliff21))
        .as("--xliff 2.1 writes another OUT/NAME.xlf")
        .isNotEqualTo(RunFingerprint.of(options(g), none, FileOptions.DEFAULTS));
  }

  @Test
  void theReviewStageNamesTheDigestOfTheFittedReviewFiles() {
    // A review retrained or refitted under the same version must not resume from the last run.
    GenerationOptions g = GenerationOptions.defaults();
    String name = Stages.review(options(g)).stage().orElseThrow().name();
    assertThat(name).endsWith(" resources " + dragoman.review.ReviewResources.digest());
  }

  private static TranslationStage stageWith(String encoderHash) {
    return new TranslationStage() {
      @Override
      public String modelName() {
        return "m";
      }

      @Override
      public java.util.Map<String, String> modelFiles() {
        return java.util.Map.of("onnx/encoder_model.onnx", encoderHash);
      }

      @Override
      public List<dragoman.mt.Translation> translate(List<String> sentences) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
  }
}
