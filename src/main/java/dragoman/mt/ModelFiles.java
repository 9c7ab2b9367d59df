package dragoman.mt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a model directory's files are, cheaply: for a directory that {@code model pull} filled, the
 * SHA-256 its manifest ({@link ModelManifest#RECORD}) recorded for each file, checked against the
 * size on disk; otherwise the size and modification time of every file. A run's resume manifest
 * keeps this, so a document translated with other model files is done again.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * File path (relative to {@code dir}, with {@code /}) to a description that changes when the file
   * does: {@code sha256:<hex> size:<bytes>} from the pull manifest, or {@code size:<bytes>
   * mtime:<millis>}.
   *
   * <p>The model files are hundreds of MB; hashing them on every run would cost seconds, and the
   * pull manifest already holds their SHA-256 (checked when they were fetched). A file named there
   * whose size on disk differs, or that is missing, is described by size and time instead, so a
   * hand-replaced file is still noticed. A directory without a pull manifest (files fetched by
   * hand, an Optimum export) falls back to size and modification time: every tool that writes a
   * file (copy, download, export) gives it a new time unless told to keep it, and a file of another
   * size is always noticed; what slips through is a same-size rewrite with the old time kept on
   * purpose, an accepted risk for not reading every byte of the model on each run.
   */
  public static SortedMap<String, String> describe(Path dir) throws IOException {
    SortedMap<String, String> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (!rel.equals(ModelManifest.RECORD)) {
        out.put(rel, sizeAndTime(f));
      }
    }
    Path record = dir.resolve(ModelManifest.RECORD);
    if (Files.isRegularFile(record)) {
      for (ModelManifest.FileEntry e : ModelManifest.read(record).files()) {
        Path f = dir.resolve(e.path());
        if (e.sha256() != null
            && e.size() != null
            && Files.isRegularFile(f)
            && Files.size(f) == e.size()) {
          out.put(e.path(), "sha256:" + e.sha256() + " size:" + e.size());
        }
      }
    }
    return out;
  }

  private static String sizeAndTime(Path f) throws IOException {
    return "size:" + Files.size(f) + " mtime:" + Files.getLastModifiedTime(f).toMillis();
  }
}
