package dragoman.cli;

import dragoman.align.Bead;
import dragoman.eval.BeadFile;
import dragoman.eval.SentenceAlignmentScores;
import dragoman.pipeline.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description = {
      "Sentence-alignment precision, recall and F1, strict and lax, as vecalign's score.py;"
          + " beads one a line in vecalign's format, e.g. [0,1]:[0] or []:[3].",
      "Several --gold/--test pairs are pooled (counts summed), as vecalign does.",
      "Output: one \"value<TAB>name\" line per figure; the first is f1_strict."
    })
final class EvalAlignCommand implements Callable<Integer> {
  @Option(
      names = {"-g", "--gold"},
      arity = "1..*",
      required = true,
      paramLabel = "GOLD",
      description = "Gold alignment file(s).")
  List<Path> gold;

  @Option(
      names = {"-t", "--test"},
      arity = "1..*",
      required = true,
      paramLabel = "TEST",
      description = "Test alignment file(s), in the same order as --gold.")
  List<Path> test;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (gold.size() != test.size()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give as many --test files as --gold files (" + gold.size() + " vs " + test.size() + ")");
    }
    EvalCommand.requireFiles(gold);
    EvalCommand.requireFiles(test);
    List<List<Bead>> golds = new ArrayList<>();
    List<List<Bead>> tests = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      golds.add(BeadFile.read(gold.get(i)));
      tests.add(BeadFile.read(test.get(i)));
    }
    SentenceAlignmentScores s = SentenceAlignmentScores.ofDocuments(golds, tests);
    PrintWriter out = spec.commandLine().getOut();
    out.println(s.f1Strict() + "\tf1_strict");
    out.println(s.precisionStrict() + "\tprecision_strict");
    out.println(s.recallStrict() + "\trecall_strict");
    out.println(s.f1Lax() + "\tf1_lax");
    out.println(s.precisionLax() + "\tprecision_lax");
    out.println(s.recallLax() + "\trecall_lax");
    out.flush();
    return ExitCode.OK.code();
  }
}
