package dragoman.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dragoman} command: German-to-English translation, alignment and review. */
@Command(
    name = "dragoman",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "German-to-English machine translation, sentence alignment, and review of German that looks"
          + " machine-translated.",
      "",
      "Exit codes: 0 success, 1 some inputs failed (the rest were done), 2 usage error."
    },
    subcommands = {
      RunCommand.class,
      SegmentCommand.class,
      TranslateCommand.class,
      ReviewCommand.class,
      AlignCommand.class,
      ExportCommand.class,
      EvalCommand.class,
      ModelCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see --help)");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code; usable from tests. */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setErr(new PrintWriter(System.err, true));
    return cli;
  }
}
