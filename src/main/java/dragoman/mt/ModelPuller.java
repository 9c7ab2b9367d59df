package dragoman.mt;

import dragoman.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Downloads a model from the Hugging Face hub the way {@code huggingface_hub} does: a {@code HEAD}
 * of {@code <endpoint>/<repo>/resolve/<revision>/<file>} without following redirects gives the
 * expected size ({@code X-Linked-Size}, else {@code Content-Length}) and, for files stored in LFS,
 * their SHA-256 ({@code X-Linked-Etag}); the {@code GET} follows redirects to the storage. Files
 * land in {@code <dir>.partial/} as {@code <file>.part}, are resumed with an HTTP range request
 * after a cut-off, checked for size and SHA-256, and the finished directory is moved into place in
 * one step, so a model directory is either complete or absent. The commit the hub resolved the
 * revision to ({@code X-Repo-Commit}) is recorded in {@code dragoman-manifest.json}; a later pull
 * that adds files (the int8 ones) fetches them from that same commit.
 */
public final class ModelPuller {
  /** The public hub. */
  public static final URI HUB = URI.create("https://huggingface.co");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final int BUFFER = 1 << 16;

  private final URI endpoint;
  private final HttpClient headClient;
  private final HttpClient getClient;
  private final PrintStream err;
  private final boolean progressBar;

  /**
   * @param endpoint the hub ({@link #HUB}), or a local server in tests
   * @param err where notices go
   * @param progressBar show a progress bar (only when stderr is a terminal)
   */
  public ModelPuller(URI endpoint, PrintStream err, boolean progressBar) {
    this.endpoint = endpoint;
    this.headClient =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    this.getClient =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    this.err = err;
    this.progressBar = progressBar;
  }

  /**
   * Pulls a model into {@code target}; when {@code target} is a model already, fetches only the
   * files it lacks.
   *
   * @return {@code target}
   * @throws ModelException one line naming the file or URL and what to do
   */
  public Path pull(ModelManifest manifest, Path target, boolean quantized) throws ModelException {
    Path staging = target.resolveSibling(target.getFileName() + ".partial");
    try {
      if (Files.isRegularFile(target.resolve("config.json"))) {
        return complete(manifest, target, staging, quantized);
      }
      List<ModelManifest.FileEntry> got = new ArrayList<>();
      Files.createDirectories(staging);
      Commit commit = new Commit();
      for (ModelManifest.FileEntry file : manifest.selected(quantized)) {
        got.add(fetch(manifest, file, staging, commit));
      }
      new ModelManifest(
              manifest.name(),
              manifest.description(),
              manifest.repo(),
              commit.or(manifest.revision()),
              got)
          .write(staging.resolve(ModelManifest.RECORD));
      if (Files.exists(target)) {
        throw new ModelException(target, "exists but has no config.json: remove it and pull again");
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, target);
      }
      return target;
    } catch (IOException e) {
      throw new ModelException(staging.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  /**
   * Adds files a pulled model lacks (the int8 ones, asked for later): each is fetched into the
   * staging folder, checked, and moved into the model directory on its own.
   */
  private Path complete(ModelManifest manifest, Path target, Path staging, boolean quantized)
      throws ModelException, IOException {
    List<ModelManifest.FileEntry> missing =
        manifest.selected(quantized).stream()
            .filter(f -> !Files.isRegularFile(target.resolve(f.path())))
            .toList();
    if (missing.isEmpty()) {
      return target;
    }
    Path record = target.resolve(ModelManifest.RECORD);
    List<ModelManifest.FileEntry> entries = new ArrayList<>();
    ModelManifest from = manifest;
    if (Files.isRegularFile(record)) {
      ModelManifest had = ModelManifest.read(record);
      entries.addAll(had.files());
      // The added files must come from the commit the others came from.
      if (had.revision() != null) {
        from = manifest.withRevision(had.revision());
      }
    }
    Files.createDirectories(staging);
    Commit commit = new Commit();
    for (ModelManifest.FileEntry file : missing) {
      ModelManifest.FileEntry got = fetch(from, file, staging, commit);
      Path to = target.resolve(file.path());
      Files.createDirectories(to.getParent());
      Files.move(staging.resolve(file.path()), to, StandardCopyOption.ATOMIC_MOVE);
      entries.add(got);
    }
    new ModelManifest(
            manifest.name(),
            manifest.description(),
            manifest.repo(),
            commit.or(from.revision()),
            entries)
        .write(record);
    return target;
  }

  private URI url(ModelManifest m, String path) {
    String base = endpoint.toString().replaceAll("/+$", "");
    return URI.create(base + "/" + m.repo() + "/resolve/" + m.revision() + "/" + path);
  }

  /** What the hub says about a file before it is fetched. */
  private record Remote(long size, String sha256, String commit) {}

  /** The commit every file of one pull came from, as the hub's {@code X-Repo-Commit} says. */
  private static final class Commit {
    private String seen;

    void add(String commit, URI url) throws ModelException {
      if (commit == null) {
        return;
      }
      if (seen == null) {
        seen = commit;
      } else if (!seen.equals(commit)) {
        throw new ModelException(
            url.toString(),
            "served from commit "
                + commit
                + " but earlier files from "
                + seen
                + ": the branch moved during the pull; run it again, or pin a commit with"
                + " --revision");
      }
    }

    String or(String fallback) {
      return seen != null ? seen : fallback;
    }
  }

  private ModelManifest.FileEntry fetch(
      ModelManifest m, ModelManifest.FileEntry file, Path staging, Commit commit)
      throws ModelException, IOException {
    URI url = url(m, file.path());
    Path done = staging.resolve(file.path());
    Path part = staging.resolve(file.path() + ".part");
    Files.createDirectories(done.getParent());
    Remote remote = head(url);
    commit.add(remote.commit(), url);
    long size = file.size() != null ? file.size() : remote.size();
    String sha = file.sha256() != null ? file.sha256() : remote.sha256();
    if (file.sha256() != null
        && remote.sha256() != null
        && !file.sha256().equals(remote.sha256())) {
      throw new ModelException(
          url.toString(),
          "the hub now serves a different file (SHA-256 "
              + remote.sha256()
              + ", expected "
              + file.sha256()
              + "): the pinned revision changed; update Dragoman or fetch by hand");
    }
    if (Files.isRegularFile(done) && (size < 0 || Files.size(done) == size)) {
      String have = Sha256.of(done);
      if (sha == null || sha.equals(have)) {
        return new ModelManifest.FileEntry(file.path(), Files.size(done), have, file.quantized());
      }
      Files.delete(done);
    }
    download(url, part, size, file.path());
    long got = Files.size(part);
    if (size >= 0 && got != size) {
      throw new ModelException(
          url.toString(),
          "got " + got + " bytes, expected " + size + "; run the same command again to resume");
    }
    String have = Sha256.of(part);
    if (sha != null && !sha.equals(have)) {
      Files.delete(part);
      throw new ModelException(
          url.toString(),
          "SHA-256 mismatch (expected "
              + sha
              + ", got "
              + have
              + "): the download is corrupt and was deleted; run the pull again");
    }
    Files.move(part, done, StandardCopyOption.REPLACE_EXISTING);
    return new ModelManifest.FileEntry(file.path(), got, have, file.quantized());
  }

  private Remote head(URI url) throws ModelException {
    HttpRequest req =
        HttpRequest.newBuilder(url)
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept-Encoding", "identity")
            .timeout(Duration.ofSeconds(60))
            .build();
    HttpResponse<Void> res = send(headClient, req, HttpResponse.BodyHandlers.discarding(), url);
    int status = res.statusCode();
    if (status == 404) {
      throw new ModelException(
          url.toString(), "not found on the hub (404): check the file and the revision");
    }
    if (status >= 400) {
      throw new ModelException(url.toString(), "the hub answered HTTP " + status);
    }
    Optional<String> linkedSize = res.headers().firstValue("X-Linked-Size");
    long size =
        linkedSize
            .or(() -> status == 200 ? res.headers().firstValue("Content-Length") : Optional.empty())
            .map(Long::parseLong)
            .orElse(-1L);
    String etag =
        res.headers()
            .firstValue("X-Linked-Etag")
            .or(() -> res.headers().firstValue("ETag"))
            .map(
                e -> e.replaceFirst("^W/", "").replace("\"", "").toLowerCase(java.util.Locale.ROOT))
            .orElse(null);
    // LFS files carry their SHA-256 as ETag; small git files a SHA-1 (40 hex), not usable here.
    String sha = etag != null && SHA256.matcher(etag).matches() ? etag : null;
    String commit =
        res.headers()
            .firstValue("X-Repo-Commit")
            .map(c -> c.toLowerCase(java.util.Locale.ROOT))
            .filter(c -> COMMIT.matcher(c).matches())
            .orElse(null);
    return new Remote(size, sha, commit);
  }

  private void download(URI url, Path part, long size, String name) throws ModelException {
    long have = 0;
    try {
      have = Files.isRegularFile(part) ? Files.size(part) : 0;
    } catch (IOException e) {
      have = 0;
    }
    if (size >= 0 && have > size) {
      have = 0;
    }
    HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30));
    if (have > 0) {
      req.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> res =
        send(getClient, req.build(), HttpResponse.BodyHandlers.ofInputStream(), url);
    int status = res.statusCode();
    boolean append = status == 206;
    if (status == 416 && size >= 0 && have == size) {
      closeQuietly(res.body());
      return;
    }
    if (status != 200 && status != 206) {
      closeQuietly(res.body());
      throw new ModelException(url.toString(), "the hub answered HTTP " + status);
    }
    long start = append ? have : 0;
    long written = start;
    try (InputStream in = res.body();
        OutputStream out =
            Files.newOutputStream(
                part,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        ProgressBar bar = progressBar ? bar(name, size, start) : null) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        written += n;
        if (bar != null) {
          bar.stepTo(written);
        }
      }
    } catch (IOException e) {
      throw new ModelException(
          url.toString(),
          "download cut off after "
              + written
              + (size >= 0 ? " of " + size : "")
              + " bytes ("
              + e.getMessage()
              + "); run the same command again to resume",
          e);
    }
  }

  private static ProgressBar bar(String name, long size, long start) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName(name)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MB", 1 << 20)
            .setInitialMax(Math.max(size, 0))
            .startsFrom(start, Duration.ZERO)
            .showSpeed();
    return b.build();
  }

  private <T> HttpResponse<T> send(
      HttpClient client, HttpRequest req, HttpResponse.BodyHandler<T> handler, URI url)
      throws ModelException {
    try {
      return client.send(req, handler);
    } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
      throw offline(url, e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnknownHostException
          || e.getCause() instanceof ConnectException) {
        throw offline(url, e);
      }
      throw new ModelException(url.toString(), "download failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(url.toString(), "interrupted", e);
    }
  }

  private ModelException offline(URI url, Exception e) {
    return new ModelException(
        url.toString(),
        "cannot reach "
            + url.getHost()
            + " (no network?); fetch the files by hand as models/README.md says and pass --model"
            + " DIR",
        e);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to read
    }
  }
}
