package dragoman.pipeline;

/** The exit codes of every command, so that a script can tell a partial run from a wrong call. */
public enum ExitCode {
  /** Everything was done. */
  OK(0),
  /** Some inputs failed; the others were done. */
  SOME_FAILED(1),
  /** The command line was wrong; nothing was done. */
  USAGE(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** {@link #OK} when nothing failed, else {@link #SOME_FAILED}. */
  public static ExitCode forFailures(int failed) {
    return failed == 0 ? OK : SOME_FAILED;
  }
}
