package dragoman.mt;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the model directory in the order README.md gives: {@code --model DIR} > environment
 * variable {@code DRAGOMAN_MODEL} > {@code models/opus-mt-de-en/} under the working directory > the
 * user cache ({@code $XDG_CACHE_HOME/dragoman/models/opus-mt-de-en}, by default {@code
 * ~/.cache/dragoman/models/...}), which is pulled from the Hugging Face hub on first use unless
 * offline.
 */
public final class ModelResolver {
  public static final String ENV = "DRAGOMAN_MODEL";
  public static final String DEFAULT_MODEL = "opus-mt-de-en";

  private final Map<String, String> env;
  private final Path workDir;
  private final ModelPuller puller;

  /**
   * @param env the environment ({@code System.getenv()})
   * @param workDir where {@code models/opus-mt-de-en/} is looked for
   * @param puller fetches a missing model into the cache
   */
  public ModelResolver(Map<String, String> env, Path workDir, ModelPuller puller) {
    this.env = env;
    this.workDir = workDir;
    this.puller = puller;
  }

  /** The resolver for this process: real environment, working directory and hub. */
  public static ModelResolver standard(PrintStream err, boolean progressBar) {
    return new ModelResolver(
        System.getenv(), Path.of(""), new ModelPuller(ModelPuller.HUB, err, progressBar));
  }

  /** {@code $XDG_CACHE_HOME/dragoman/models}, by default {@code ~/.cache/dragoman/models}. */
  public static Path cacheRoot(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("dragoman").resolve("models");
  }

  public Path cacheRoot() {
    return cacheRoot(env);
  }

  /**
   * The model directory to use.
   *
   * @param explicit {@code --model DIR}, or null
   * @param offline never download
   * @param quantized also fetch the int8 files when pulling
   * @throws ModelException one line saying what was looked for and what to do
   */
  public Path resolve(Path explicit, boolean offline, boolean quantized) throws ModelException {
    if (explicit != null) {
      return existing(explicit, "--model");
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return existing(Path.of(fromEnv), ENV);
    }
    Path local = workDir.resolve("models").resolve(DEFAULT_MODEL);
    if (Files.isRegularFile(local.resolve("config.json"))) {
      return local;
    }
    Path cached = cacheRoot().resolve(DEFAULT_MODEL);
    if (Files.isRegularFile(cached.resolve("config.json"))) {
      // A model pulled without the int8 files gets them when they are first asked for.
      return quantized && !offline
          ? puller.pull(ModelManifest.known(DEFAULT_MODEL), cached, true)
          : cached;
    }
    if (offline) {
      throw new ModelException(
          cached,
          "no model (looked at --model, "
              + ENV
              + ", models/"
              + DEFAULT_MODEL
              + "/ and the cache) and --offline forbids pulling it: run dragoman model pull "
              + DEFAULT_MODEL
              + " or pass --model DIR");
    }
    return puller.pull(ModelManifest.known(DEFAULT_MODEL), cached, quantized);
  }

  private static Path existing(Path dir, String from) throws ModelException {
    if (!Files.isDirectory(dir)) {
      throw new ModelException(
          dir, "no such model directory (from " + from + "); check the path or unset it");
    }
    return dir;
  }
}
