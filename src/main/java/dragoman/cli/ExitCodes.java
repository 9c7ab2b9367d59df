package dragoman.cli;

/** The exit codes of every command (DESIGN.md). */
final class ExitCodes {
  /** Everything was done. */
  static final int OK = 0;

  /** Some inputs failed; the others were done. */
  static final int SOME_FAILED = 1;

  /** The command line was wrong. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
