package dragoman.mt;

import java.nio.file.Path;

/**
 * A model directory or download that cannot be used: one line naming the file and the problem, and
 * what to do where that is known.
 */
public class ModelException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;

  public ModelException(Path file, String problem) {
    this(file.toString(), problem, null);
  }

  public ModelException(String file, String problem) {
    this(file, problem, null);
  }

  public ModelException(String file, String problem, Throwable cause) {
    super(problem, cause);
    this.file = file;
  }

  /** The file (or directory, or URL) the problem is about. */
  public String file() {
    return file;
  }

  /** {@code file: problem}, the line a user sees. */
  public String oneLine() {
    return file + ": " + getMessage();
  }
}
