package dragoman.cli;

import dragoman.pipeline.ExitCode;
import picocli.CommandLine;

/**
 * Turns an unexpected exception into one line on stderr; the stack trace only with {@code
 * --verbose} (errors a user can cause are one line).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int FAILURE = ExitCode.SOME_FAILED.code();

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
    boolean verbose = parseResult.expandedArgs().contains("--verbose");
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cli.getErr()
        .println(
            "dragoman " + cli.getCommandName() + ": " + message.lines().findFirst().orElse(""));
    if (verbose) {
      ex.printStackTrace(cli.getErr());
    } else {
      cli.getErr().println("(run again with --verbose for details)");
    }
    return FAILURE;
  }
}
