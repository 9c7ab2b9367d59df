package dragoman.cli;

import dragoman.eval.WordAlignmentFile;
import dragoman.eval.WordAlignmentScores;
import dragoman.pipeline.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "wordalign",
    mixinStandardHelpOptions = true,
    description = {
      "Word-alignment precision, recall and AER with sure and possible links (Och and Ney 2003).",
      "Files: Pharaoh (one sentence a line, i-j sure, i?j or ipj possible) or NAACL"
          + " (\"sentence i j [S|P]\" a line, sentences from 1); recognised automatically.",
      "Output: one \"value<TAB>name\" line per figure; the first is aer."
    })
final class EvalWordAlignCommand implements Callable<Integer> {
  @Option(
      names = {"-g", "--gold"},
      required = true,
      paramLabel = "GOLD",
      description = "Gold links.")
  Path gold;

  @Option(
      names = {"-t", "--test"},
      required = true,
      paramLabel = "TEST",
      description = "Predicted links (sure/possible marks ignored).")
  Path test;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    EvalCommand.requireFiles(List.of(gold, test));
    WordAlignmentScores s;
    try {
      s = WordAlignmentScores.of(WordAlignmentFile.read(gold), WordAlignmentFile.read(test));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(gold + " vs " + test + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(s.aer() + "\taer");
    out.println(s.precision() + "\tprecision");
    out.println(s.recall() + "\trecall");
    out.println(s.predicted() + "\tpredicted_links");
    out.println(s.sure() + "\tsure_links");
    out.println(s.predictedSure() + "\tpredicted_and_sure");
    out.println(s.predictedPossible() + "\tpredicted_and_possible");
    out.flush();
    return ExitCode.OK.code();
  }
}
