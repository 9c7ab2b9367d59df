package dragoman.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of a command that is registered but not built yet: it says so in one line and exits with 2,
 * so scripts can tell it apart from a run that failed on its inputs.
 */
abstract class NotBuiltYet implements Callable<Integer> {
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Unmatched List<String> ignored;

  /** The issue that builds it. */
  abstract int issue();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .printf(
            "dragoman %s: not built yet (issue #%d); see README.md for what works today%n",
            spec.name(), issue());
    return USAGE;
  }
}
