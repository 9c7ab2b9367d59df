package dragoman.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The three seed articles from the repository's corpus/, copied for a test. */
final class Seeds {
  static final List<String> NAMES =
      List.of("000_e18c1f390b05e017", "001_3509b7d76f1efd1d", "004_6de4123e443d2e83");

  private Seeds() {}

  static Path copyTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String n : NAMES) {
      Files.copy(Path.of("corpus", n + ".txt"), dir.resolve(n + ".txt"));
    }
    return dir;
  }

  /** Every file under {@code dir} (relative path to bytes), for comparing two runs. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
