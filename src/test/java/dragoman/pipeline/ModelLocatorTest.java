package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
  @TempDir Path tmp;

  private Path model(String where) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(where));
    Files.writeString(dir.resolve("config.json"), "{}");
    return dir;
  }

  @Test
  void explicitThenEnvThenModelsFolderThenXdgCache() throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path cache = model("xdg/dragoman/models/opus-mt-de-en");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
    assertThat(new ModelLocator(env, cwd, home).locate(null)).contains(cache);

    Path local = model("cwd/models/opus-mt-de-en");
    assertThat(new ModelLocator(env, cwd, home).locate(null)).contains(local);

    Path fromEnv = model("env-model");
    Map<String, String> withEnv =
        Map.of(
            "XDG_CACHE_HOME", tmp.resolve("xdg").toString(), "DRAGOMAN_MODEL", fromEnv.toString());
    assertThat(new ModelLocator(withEnv, cwd, home).locate(null)).contains(fromEnv);

    Path explicit = model("explicit");
    assertThat(new ModelLocator(withEnv, cwd, home).locate(explicit)).contains(explicit);
  }

  @Test
  void aFolderWithoutConfigIsNoModelAndTheDefaultCacheIsUnderHome() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    ModelLocator l = new ModelLocator(Map.of(), tmp, home);
    assertThat(l.locate(empty)).isEmpty();
    assertThat(l.locate(null)).isEmpty();
    assertThat(l.candidates(null)).endsWith(home.resolve(".cache/dragoman/models/opus-mt-de-en"));
  }
}
