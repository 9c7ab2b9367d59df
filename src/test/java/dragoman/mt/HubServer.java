package dragoman.mt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1, serving a directory as {@code
 * /<repo>/resolve/<rev>/<file>}: {@code HEAD} answers like the hub (ONNX files as LFS: a 302 to
 * {@code /cdn/...} with {@code X-Linked-Etag} = SHA-256 and {@code X-Linked-Size}; other files 200
 * with a git-style SHA-1 ETag), {@code GET} serves bytes and honours {@code Range}; every answer
 * carries {@code X-Repo-Commit}, the commit the revision resolved to. Built with a commit, it
 * serves that commit and the branch {@code main} (pointing at it) only, and 404s any other
 * revision, as the hub does; without one it serves any revision as itself. It can cut a file off
 * once halfway, or serve a corrupted copy.
 */
final class HubServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
  final Set<String> corrupt = ConcurrentHashMap.newKeySet();
  final List<String> ranges = new CopyOnWriteArrayList<>();

  /** {@code METHOD revision file} of every request for a file. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private final String commit;

  HubServer(Path root) throws IOException {
    this(root, null);
  }

  /**
   * @param commit the one commit served (40 hex digits), also what {@code main} resolves to
   */
  HubServer(Path root, String commit) throws IOException {
    this.root = root;
    this.commit = commit;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String file;
      if (path.startsWith("/cdn/")) {
        file = path.substring("/cdn/".length());
      } else {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile(".*/resolve/([^/]+)/(.+)").matcher(path);
        if (!m.matches()) {
          ex.sendResponseHeaders(404, -1);
          return;
        }
        String revision = m.group(1);
        file = m.group(2);
        requests.add(ex.getRequestMethod() + " " + revision + " " + file);
        String resolved = commit == null ? revision : null;
        if (commit != null && (revision.equals(commit) || revision.equals("main"))) {
          resolved = commit;
        }
        if (resolved == null) {
          ex.sendResponseHeaders(404, -1); // the hub: "Revision Not Found"
          return;
        }
        ex.getResponseHeaders().add("X-Repo-Commit", resolved);
      }
      Path f = root.resolve(file);
      if (!Files.isRegularFile(f)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = Files.readAllBytes(f);
      boolean lfs = file.endsWith(".onnx");
      if (ex.getRequestMethod().equals("HEAD")) {
        if (lfs) {
          ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(bytes) + "\"");
          ex.getResponseHeaders().add("X-Linked-Size", String.valueOf(bytes.length));
          ex.getResponseHeaders().add("Location", "/cdn/" + file);
          ex.sendResponseHeaders(302, -1);
        } else {
          ex.getResponseHeaders().add("ETag", "\"" + "ab".repeat(20) + "\"");
          ex.getResponseHeaders().add("Content-Length", String.valueOf(bytes.length));
          ex.sendResponseHeaders(200, -1);
        }
        return;
      }
      if (lfs && !path.startsWith("/cdn/")) {
        ex.getResponseHeaders().add("Location", "/cdn/" + file);
        ex.sendResponseHeaders(302, -1);
        return;
      }
      if (corrupt.contains(file)) {
        bytes = bytes.clone();
        bytes[bytes.length / 2] ^= 0x55;
      }
      String range = ex.getRequestHeaders().getFirst("Range");
      int from = 0;
      if (range != null) {
        ranges.add(file + " " + range);
        from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
        ex.getResponseHeaders()
            .add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        ex.sendResponseHeaders(206, bytes.length - from);
      } else {
        ex.sendResponseHeaders(200, bytes.length);
      }
      OutputStream out = ex.getResponseBody();
      if (cutOnce.remove(file)) {
        out.write(bytes, from, (bytes.length - from) / 2);
        out.flush();
        // Drop the connection mid-body, as a network failure would.
        throw new IOException("cut off on purpose");
      }
      out.write(bytes, from, bytes.length - from);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
