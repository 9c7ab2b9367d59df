package dragoman.text;

/** An input a user gave that cannot be processed; the message is one line naming the problem. */
public class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String source;

  public BadInputException(String source, String problem) {
    super(problem);
    this.source = source;
  }

  /** The file name (or "stdin") the problem is about. */
  public String source() {
    return source;
  }

  /**
   * A file that could not be read: {@code cannot read: permission denied} and the like. The
   * exception's own message starts with the path, which the one line already names, so only the
   * reason is kept.
   */
  public static BadInputException cannotRead(String source, java.io.IOException e) {
    return new BadInputException(source, "cannot read: " + reason(e));
  }

  /** Why an I/O operation failed, in a few words and without the path. */
  public static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      String r = f.getReason();
      if (r.startsWith("Too many levels of symbolic links")) {
        return "symbolic link loop";
      }
      return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code source: problem}, the line a user sees. */
  public String oneLine() {
    return source + ": " + getMessage();
  }
}
