package dragoman.cli;

import dragoman.eval.Bleu;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bleu",
    mixinStandardHelpOptions = true,
    description = {
      "Corpus BLEU as sacreBLEU 2.x computes it by default (13a tokenizer, exp smoothing, closest"
          + " reference length, several references), one segment a line.",
      "First line: the score (0..100), then sacreBLEU's signature; second line: the details.",
      "With --sentence: one score per line (sentence BLEU with effective order, as sacreBLEU's"
          + " --sentence-level)."
    })
final class EvalBleuCommand implements Callable<Integer> {
  @Option(
      names = {"-r", "--ref"},
      arity = "1..*",
      required = true,
      paramLabel = "REF",
      description = "Reference file(s), line-aligned with the hypothesis.")
  List<Path> refs;

  @Option(
      names = {"-H", "--hyp"},
      arity = "1..*",
      required = true,
      paramLabel = "HYP",
      description =
          "Hypothesis file; with several (systems scored against the same references), one"
              + " line each: score, metric, signature, file.")
  List<Path> hyps;

  @Option(names = "--sentence", description = "Print one sentence BLEU per line.")
  boolean sentence;

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (sentence && hyps.size() > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--sentence takes one --hyp file");
    }
    List<List<String>> references = new ArrayList<>();
    for (Path r : refs) {
      references.add(EvalCommand.lines(r));
    }
    PrintWriter out = spec.commandLine().getOut();
    Bleu bleu = new Bleu();
    String signature = "BLEU\tnrefs:" + refs.size() + "|case:mixed|eff:no|tok:13a|smooth:exp";
    Bleu.References prepared = prepare(bleu, references);
    for (Path hyp : hyps) {
      List<String> hypothesis = EvalCommand.lines(hyp);
      if (hypothesis.size() != prepared.size()) {
        throw new IllegalArgumentException(
            hyp
                + " has "
                + hypothesis.size()
                + " lines but the references have "
                + prepared.size());
      }
      if (sentence) {
        for (int i = 0; i < hypothesis.size(); i++) {
          List<String> lineRefs = new ArrayList<>();
          for (List<String> stream : references) {
            lineRefs.add(stream.get(i));
          }
          out.println(bleu.sentenceScore(hypothesis.get(i), lineRefs));
        }
      } else if (hyps.size() == 1) {
        Bleu.Score s = bleu.corpus(hypothesis, prepared);
        out.println(s.score() + "\t" + signature);
        out.println(s.describe());
      } else {
        out.println(bleu.corpus(hypothesis, prepared).score() + "\t" + signature + "\t" + hyp);
      }
    }
    out.flush();
    return 0;
  }

  private Bleu.References prepare(Bleu bleu, List<List<String>> references) {
    try {
      return bleu.references(references);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(refs + ": " + e.getMessage(), e);
    }
  }
}
