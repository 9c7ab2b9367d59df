package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPullerTest {
  static final Path FIXTURE = Path.of("src/test/resources/models/tiny-marian");
  static final String ENCODER = "onnx/encoder_model.onnx";

  static final ModelManifest TINY =
      new ModelManifest(
          "tiny-marian",
          "fixture",
          "dragoman/tiny-marian",
          "0123456789abcdef0123456789abcdef01234567",
          List.of(
              new ModelManifest.FileEntry("config.json", null, null, null),
              new ModelManifest.FileEntry("generation_config.json", null, null, null),
              new ModelManifest.FileEntry("tokenizer.json", null, null, null),
              new ModelManifest.FileEntry("tokenizer_config.json", null, null, null),
              new ModelManifest.FileEntry(ENCODER, null, null, null),
              new ModelManifest.FileEntry("onnx/decoder_model_merged.onnx", null, null, null)));

  @TempDir Path cache;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private ModelPuller puller(URI uri) {
    return new ModelPuller(uri, new PrintStream(errBytes, true), false);
  }

  @Test
  void pullsEveryFileChecksItAndMovesTheDirectoryIntoPlace() throws Exception {
    Path target = cache.resolve("tiny-marian");
    try (HubServer hub = new HubServer(FIXTURE)) {
      puller(hub.uri()).pull(TINY, target, false);
    }
    for (ModelManifest.FileEntry f : TINY.files()) {
      assertThat(target.resolve(f.path())).hasSameBinaryContentAs(FIXTURE.resolve(f.path()));
    }
    assertThat(cache.resolve("tiny-marian.partial")).doesNotExist();
    ModelManifest record = ModelManifest.read(target.resolve(ModelManifest.RECORD));
    ModelManifest.FileEntry encoder =
        record.files().stream().filter(f -> f.path().equals(ENCODER)).findFirst().orElseThrow();
    assertThat(encoder.sha256())
        .isEqualTo(HubServer.sha256(Files.readAllBytes(FIXTURE.resolve(ENCODER))));
    assertThat(encoder.size()).isEqualTo(Files.size(FIXTURE.resolve(ENCODER)));
  }

  /**
   * How many bytes reach the part file before a cut depends on socket buffering, so the test takes
   * whatever is there: the next pull asks for the rest from exactly that size, and ends with the
   * right bytes and hash.
   */
  @Test
  void resumesACutOffDownloadWithARangeRequest() throws Exception {
    Path target = cache.resolve("tiny-marian");
    byte[] expected = Files.readAllBytes(FIXTURE.resolve(ENCODER));
    try (HubServer hub = new HubServer(FIXTURE)) {
      hub.cutOnce.add(ENCODER);
      assertThatThrownBy(() -> puller(hub.uri()).pull(TINY, target, false))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("run the same command again to resume");
      assertThat(target).as("nothing incomplete is moved into place").doesNotExist();
      Path part = cache.resolve("tiny-marian.partial").resolve(ENCODER + ".part");
      byte[] kept = Files.isRegularFile(part) ? Files.readAllBytes(part) : new byte[0];
      assertThat(kept.length).as("the cut left the file incomplete").isLessThan(expected.length);
      assertThat(kept)
          .as("what was kept is the start of the file")
          .isEqualTo(Arrays.copyOf(expected, kept.length));

      puller(hub.uri()).pull(TINY, target, false);
      if (kept.length > 0) {
        assertThat(hub.ranges).containsExactly(ENCODER + " bytes=" + kept.length + "-");
      } else {
        assertThat(hub.ranges).as("nothing kept: a plain download").isEmpty();
      }
    }
    assertPulledIntact(target);
  }

  /** The same from a part file of a chosen size, so the Range request is always exercised. */
  @Test
  void resumesFromWhateverThePartFileHolds() throws Exception {
    Path target = cache.resolve("tiny-marian");
    byte[] expected = Files.readAllBytes(FIXTURE.resolve(ENCODER));
    Path part = cache.resolve("tiny-marian.partial").resolve(ENCODER + ".part");
    Files.createDirectories(part.getParent());
    int have = 1237;
    Files.write(part, Arrays.copyOf(expected, have));
    try (HubServer hub = new HubServer(FIXTURE)) {
      puller(hub.uri()).pull(TINY, target, false);
      assertThat(hub.ranges).containsExactly(ENCODER + " bytes=" + have + "-");
    }
    assertPulledIntact(target);
  }

  /**
   * A part file whose bytes are not the start of the real file (left by something else) cannot be
   * resumed into a good file: the hash check refuses the result and nothing corrupt stays behind.
   */
  @Test
  void aPartFileWithWrongBytesNeverBecomesAModelFile() throws Exception {
    Path target = cache.resolve("tiny-marian");
    Path part = cache.resolve("tiny-marian.partial").resolve(ENCODER + ".part");
    Files.createDirectories(part.getParent());
    byte[] wrong = new byte[1000];
    Arrays.fill(wrong, (byte) 7);
    Files.write(part, wrong);
    try (HubServer hub = new HubServer(FIXTURE)) {
      assertThatThrownBy(() -> puller(hub.uri()).pull(TINY, target, false))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("SHA-256 mismatch");
      assertThat(target).doesNotExist();
      assertThat(part).doesNotExist();
      puller(hub.uri()).pull(TINY, target, false);
    }
    assertPulledIntact(target);
  }

  private static void assertPulledIntact(Path target) throws Exception {
    byte[] expected = Files.readAllBytes(FIXTURE.resolve(ENCODER));
    assertThat(target.resolve(ENCODER)).hasBinaryContent(expected);
    assertThat(HubServer.sha256(Files.readAllBytes(target.resolve(ENCODER))))
        .isEqualTo(HubServer.sha256(expected));
    ModelManifest record = ModelManifest.read(target.resolve(ModelManifest.RECORD));
    assertThat(record.files())
        .filteredOn(f -> f.path().equals(ENCODER))
        .singleElement()
        .satisfies(f -> assertThat(f.sha256()).isEqualTo(HubServer.sha256(expected)));
    assertThat(target.resolveSibling(target.getFileName() + ".partial")).doesNotExist();
  }

  @Test
  void detectsACorruptedFileByItsHashAndKeepsNothingOfIt() throws Exception {
    Path target = cache.resolve("tiny-marian");
    try (HubServer hub = new HubServer(FIXTURE)) {
      hub.corrupt.add(ENCODER);
      assertThatThrownBy(() -> puller(hub.uri()).pull(TINY, target, false))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("SHA-256 mismatch")
          .satisfies(
              e ->
                  assertThat(((ModelException) e).oneLine())
                      .contains(ENCODER)
                      .doesNotContain("\n"));
    }
    assertThat(target).doesNotExist();
    assertThat(cache.resolve("tiny-marian.partial").resolve(ENCODER + ".part")).doesNotExist();
  }

  @Test
  void refusesAFileWhoseHashDiffersFromTheManifest() throws Exception {
    ModelManifest pinned =
        new ModelManifest(
            "tiny-marian",
            "fixture",
            "dragoman/tiny-marian",
            "main",
            List.of(new ModelManifest.FileEntry(ENCODER, null, "0".repeat(64), null)));
    try (HubServer hub = new HubServer(FIXTURE)) {
      assertThatThrownBy(() -> puller(hub.uri()).pull(pinned, cache.resolve("m"), false))
          .hasMessageContaining("different file");
    }
  }

  @Test
  void anUnreachableHubIsOneClearLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> puller(closed).pull(TINY, cache.resolve("m"), false))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot reach 127.0.0.1")
        .hasMessageContaining("--model DIR");
  }

  @Test
  void aLaterQuantizedPullAddsOnlyTheMissingFiles() throws Exception {
    ModelManifest withInt8 =
        new ModelManifest(
            TINY.name(),
            TINY.description(),
            TINY.repo(),
            TINY.revision(),
            java.util.stream.Stream.concat(
                    TINY.files().stream(),
                    java.util.stream.Stream.of(
                        new ModelManifest.FileEntry(
                            "onnx/encoder_model_quantized.onnx", null, null, true)))
                .toList());
    Path target = cache.resolve("tiny-marian");
    try (HubServer hub = new HubServer(FIXTURE)) {
      puller(hub.uri()).pull(withInt8, target, false);
      assertThat(target.resolve("onnx/encoder_model_quantized.onnx")).doesNotExist();
      Files.writeString(target.resolve("config.json"), "{\"kept\": true}");
      puller(hub.uri()).pull(withInt8, target, true);
    }
    assertThat(target.resolve("onnx/encoder_model_quantized.onnx"))
        .hasSameBinaryContentAs(FIXTURE.resolve("onnx/encoder_model_quantized.onnx"));
    assertThat(target.resolve("config.json")).hasContent("{\"kept\": true}");
    assertThat(ModelManifest.read(target.resolve(ModelManifest.RECORD)).files())
        .extracting(ModelManifest.FileEntry::path)
        .contains("config.json", "onnx/encoder_model_quantized.onnx");
  }

  static final ModelManifest OPUS = ModelManifest.known("opus-mt-de-en");

  @Test
  void theBundledManifestPinsACommitAndTakesTheSentencePieceFiles() {
    assertThat(OPUS.revision()).matches("[0-9a-f]{40}");
    assertThat(OPUS.files())
        .extracting(ModelManifest.FileEntry::path)
        .contains("source.spm", "target.spm", "vocab.json", "tokenizer.json");
  }

  @Test
  void pullsThePinnedRevisionsFilesSentencePieceIncluded() throws Exception {
    Path target = cache.resolve("opus-mt-de-en");
    List<String> requests;
    try (HubServer hub = new HubServer(FIXTURE, OPUS.revision())) {
      puller(hub.uri()).pull(OPUS, target, false);
      requests = List.copyOf(hub.requests);
    }
    for (String f : List.of("source.spm", "target.spm", "vocab.json", "tokenizer.json", ENCODER)) {
      assertThat(target.resolve(f)).hasSameBinaryContentAs(FIXTURE.resolve(f));
    }
    assertThat(target.resolve("onnx/encoder_model_quantized.onnx")).doesNotExist();
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.split(" ")[1]).isEqualTo(OPUS.revision()))
        .anyMatch(r -> r.startsWith("GET ") && r.endsWith(" vocab.json"))
        .anyMatch(r -> r.startsWith("GET ") && r.endsWith(" source.spm"));
    ModelManifest record = ModelManifest.read(target.resolve(ModelManifest.RECORD));
    assertThat(record.revision()).isEqualTo(OPUS.revision());
    assertThat(record.files())
        .filteredOn(f -> f.path().equals("vocab.json"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.size()).isEqualTo(Files.size(FIXTURE.resolve("vocab.json")));
              assertThat(f.sha256())
                  .isEqualTo(HubServer.sha256(Files.readAllBytes(FIXTURE.resolve("vocab.json"))));
            });
  }

  @Test
  void aBranchRevisionIsRecordedAsTheCommitTheHubServed() throws Exception {
    String commit = "89abcdef".repeat(5);
    Path target = cache.resolve("opus-mt-de-en");
    try (HubServer hub = new HubServer(FIXTURE, commit)) {
      puller(hub.uri()).pull(OPUS.withRevision("main"), target, false);
      assertThat(hub.requests).allSatisfy(r -> assertThat(r.split(" ")[1]).isEqualTo("main"));
    }
    assertThat(ModelManifest.read(target.resolve(ModelManifest.RECORD)).revision())
        .isEqualTo(commit);
  }

  @Test
  void aRevisionTheHubDoesNotHaveIsOneLineNamingIt() throws Exception {
    String other = "f".repeat(40);
    try (HubServer hub = new HubServer(FIXTURE, OPUS.revision())) {
      assertThatThrownBy(
              () -> puller(hub.uri()).pull(OPUS.withRevision(other), cache.resolve("m"), false))
          .isInstanceOf(ModelException.class)
          .satisfies(
              e ->
                  assertThat(((ModelException) e).oneLine())
                      .contains(other)
                      .contains("404")
                      .contains("revision")
                      .doesNotContain("\n"));
    }
    assertThat(cache.resolve("m")).doesNotExist();
  }

  @Test
  void filesAddedLaterComeFromTheCommitAlreadyPulled() throws Exception {
    String commit = "0123abcd".repeat(5);
    Path target = cache.resolve("opus-mt-de-en");
    try (HubServer hub = new HubServer(FIXTURE, commit)) {
      puller(hub.uri()).pull(OPUS.withRevision(commit), target, false);
      hub.requests.clear();
      // The bundled manifest's pinned commit is not on this server: only the recorded one is.
      puller(hub.uri()).pull(OPUS, target, true);
      assertThat(hub.requests)
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r).contains(" " + commit + " onnx/").contains("_quantized"));
    }
    assertThat(target.resolve("onnx/decoder_model_merged_quantized.onnx"))
        .hasSameBinaryContentAs(FIXTURE.resolve("onnx/decoder_model_merged_quantized.onnx"));
    assertThat(ModelManifest.read(target.resolve(ModelManifest.RECORD)).revision())
        .isEqualTo(commit);
  }
}
