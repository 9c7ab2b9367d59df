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

  /** {@code source: problem}, the line a user sees. */
  public String oneLine() {
    return source + ": " + getMessage();
  }
}
