package dragoman.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the translation model directory the way DESIGN.md "Model resolution" orders it: {@code
 * --model DIR} > env {@code DRAGOMAN_MODEL} > {@code models/opus-mt-de-en/} > the user cache
 * ({@code $XDG_CACHE_HOME/dragoman/models/opus-mt-de-en}, default {@code ~/.cache/...}). A
 * directory counts when it has a {@code config.json}.
 */
public final class ModelLocator {
  public static final String DEFAULT_MODEL = "opus-mt-de-en";

  private final Map<String, String> env;
  private final Path workingDir;
  private final Path home;

  public ModelLocator(Map<String, String> env, Path workingDir, Path home) {
    this.env = env;
    this.workingDir = workingDir;
    this.home = home;
  }

  public static ModelLocator system() {
    return new ModelLocator(
        System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
  }

  /** Where a model is looked for, in order; an explicit directory comes first. */
  public List<Path> candidates(Path explicit) {
    List<Path> out = new ArrayList<>();
    if (explicit != null) {
      out.add(explicit);
      return out;
    }
    String fromEnv = env.get("DRAGOMAN_MODEL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      out.add(Path.of(fromEnv));
    }
    out.add(workingDir.resolve("models").resolve(DEFAULT_MODEL));
    String xdg = env.get("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    out.add(cache.resolve("dragoman").resolve("models").resolve(DEFAULT_MODEL));
    return out;
  }

  public Optional<Path> locate(Path explicit) {
    return candidates(explicit).stream()
        .filter(p -> Files.isRegularFile(p.resolve("config.json")))
        .findFirst();
  }
}
