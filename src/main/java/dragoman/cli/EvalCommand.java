package dragoman.cli;

import dragoman.eval.LineFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dragoman eval}: the metrics, one subcommand each. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Metrics: BLEU, chrF and TER (as sacreBLEU 2.x, with its options and paired tests),"
          + " sentence-alignment and word-alignment"
          + " scores, detection precision/recall/AUC.",
      "The score is the first number on the first line of output, at full precision."
    },
    subcommands = {
      EvalBleuCommand.class,
      EvalChrfCommand.class,
      EvalTerCommand.class,
      EvalAlignCommand.class,
      EvalWordAlignCommand.class,
      EvalReviewCommand.class
    })
final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a metric: bleu, chrf, ter, align, wordalign or review (see --help)");
  }

  /** The lines of a text file, with a one-line error naming it when it cannot be read. */
  static List<String> lines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file; check the path");
    }
    return LineFiles.read(file);
  }

  /** Every file must exist; otherwise one line naming the first that does not. */
  static void requireFiles(List<Path> files) throws IOException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IOException(f + ": no such file; check the path");
      }
    }
  }
}
