package dragoman.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input document: a file, or standard input when {@code path} is null.
 *
 * @param docId the document id used in segment ids and output names
 * @param path the file, or null for standard input
 */
public record InputSource(String docId, Path path) {
  public static final String STDIN_NAME = "stdin";

  public static InputSource stdin() {
    return new InputSource(STDIN_NAME, null);
  }

  public boolean isStdin() {
    return path == null;
  }

  /** What a message about this input calls it: the path as given, or "stdin". */
  public String displayName() {
    return isStdin() ? STDIN_NAME : path.toString();
  }

  /** Reads at most {@code limit} bytes; more is reported as too large, never silently cut. */
  public byte[] readBytes(long limit) throws IOException, BadInputException {
    if (!isStdin()) {
      long size = Files.size(path);
      if (size > limit) {
        throw new BadInputException(displayName(), tooLarge(size, limit));
      }
      return Files.readAllBytes(path);
    }
    InputStream in = System.in;
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw new BadInputException(displayName(), tooLarge(bytes.length, limit));
    }
    return bytes;
  }

  private static String tooLarge(long size, long limit) {
    return String.format(
        "file too large (%,d bytes; the limit is %,d): split it into smaller files", size, limit);
  }
}
