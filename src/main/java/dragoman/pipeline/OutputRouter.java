package dragoman.pipeline;

import dragoman.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides where a command's records go (README "Commands": records on stdout, the rest on stderr):
 * standard output when no {@code --out} is given; the named file for a single input; a folder with
 * one {@code <doc><extension>} file per document for several. Files are written atomically.
 */
public final class OutputRouter {
  private final Path out;
  private final boolean folder;
  private final String extension;
  private final OutputStream stdout;

  /**
   * @param out the {@code --out} value, or null for standard output
   * @param manyInputs whether several documents are written, which makes {@code out} a folder
   * @param extension file extension with its dot, e.g. ".jsonl"
   */
  public OutputRouter(Path out, boolean manyInputs, String extension, OutputStream stdout) {
    this.out = out;
    this.folder = out != null && (manyInputs || Files.isDirectory(out));
    this.extension = extension;
    this.stdout = stdout;
  }

  public void write(String docId, AtomicFile.Writer writer) throws IOException {
    if (out == null) {
      writer.write(stdout);
      stdout.flush();
      return;
    }
    Path target = folder ? out.resolve(docId + extension) : out;
    AtomicFile.write(target, writer);
  }
}
