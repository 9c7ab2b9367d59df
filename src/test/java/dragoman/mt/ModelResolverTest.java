package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order README.md gives: --model > DRAGOMAN_MODEL > models/opus-mt-de-en/ > cache (pulled). */
class ModelResolverTest {
  static final Path FIXTURE = Path.of("src/test/resources/models/tiny-marian");

  @TempDir Path tmp;

  private final Map<String, String> env = new HashMap<>();

  private Path modelDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), "{}");
    return dir;
  }

  private ModelResolver resolver(Path work, java.net.URI hub) {
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    return new ModelResolver(
        env, work, new ModelPuller(hub, new PrintStream(new ByteArrayOutputStream()), false));
  }

  @Test
  void takesTheFirstOfFlagEnvironmentWorkingDirectoryAndCache() throws Exception {
    Path work = tmp.resolve("work");
    Path local = modelDir(work.resolve("models/opus-mt-de-en"));
    Path cached = modelDir(tmp.resolve("cache/dragoman/models/opus-mt-de-en"));
    Path fromEnv = modelDir(tmp.resolve("env-model"));
    Path flag = modelDir(tmp.resolve("flag-model"));
    ModelResolver r = resolver(work, java.net.URI.create("http://127.0.0.1:9"));
    env.put(ModelResolver.ENV, fromEnv.toString());
    assertThat(r.resolve(flag, true, false)).isEqualTo(flag);
    assertThat(r.resolve(null, true, false)).isEqualTo(fromEnv);
    env.remove(ModelResolver.ENV);
    assertThat(r.resolve(null, true, false)).isEqualTo(local);
    Files.delete(local.resolve("config.json"));
    assertThat(r.resolve(null, true, false)).isEqualTo(cached);
  }

  @Test
  void cacheDefaultsToDotCacheWithoutXdg() {
    assertThat(ModelResolver.cacheRoot(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "dragoman", "models"));
    assertThat(ModelResolver.cacheRoot(Map.of("XDG_CACHE_HOME", "/x")))
        .isEqualTo(Path.of("/x/dragoman/models"));
  }

  @Test
  void offlineWithoutAModelSaysWhatToDo() {
    ModelResolver r = resolver(tmp.resolve("work"), java.net.URI.create("http://127.0.0.1:9"));
    assertThatThrownBy(() -> r.resolve(null, true, false))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("--offline")
        .hasMessageContaining("dragoman model pull opus-mt-de-en");
  }

  @Test
  void aMissingModelIsPulledIntoTheCacheOnFirstUse() throws Exception {
    try (HubServer hub = new HubServer(FIXTURE)) {
      ModelResolver r = resolver(tmp.resolve("work"), hub.uri());
      Path got = r.resolve(null, false, false);
      assertThat(got).isEqualTo(tmp.resolve("cache/dragoman/models/opus-mt-de-en"));
      for (String f : List.of("config.json", "tokenizer.json", "onnx/decoder_model_merged.onnx")) {
        assertThat(got.resolve(f)).hasSameBinaryContentAs(FIXTURE.resolve(f));
      }
      assertThat(got.resolve("onnx/encoder_model_quantized.onnx")).doesNotExist();
    }
  }

  @Test
  void aFlagPointingNowhereIsAnError() {
    ModelResolver r = resolver(tmp.resolve("work"), java.net.URI.create("http://127.0.0.1:9"));
    assertThatThrownBy(() -> r.resolve(tmp.resolve("nothing"), false, false))
        .hasMessageContaining("no such model directory");
  }
}
