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
      required = true,
      paramLabel = "HYP",
      description = "Hypothesis file.")
  Path hyp;

  @Option(names = "--sentence", description = "Print one sentence BLEU per line.")
  boolean sentence;

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> hypothesis = EvalCommand.lines(hyp);
    List<List<String>> references = new ArrayList<>();
    for (Path r : refs) {
      references.add(EvalCommand.lines(r));
    }
    PrintWriter out = spec.commandLine().getOut();
    Bleu bleu = new Bleu();
    try {
      if (sentence) {
        Bleu.References prepared = bleu.references(references);
        checkLength(hypothesis, prepared.size());
        for (int i = 0; i < hypothesis.size(); i++) {
          List<String> lineRefs = new ArrayList<>();
          for (List<String> stream : references) {
            lineRefs.add(stream.get(i));
          }
          out.println(bleu.sentenceScore(hypothesis.get(i), lineRefs));
        }
      } else {
        Bleu.Score s = bleu.corpus(hypothesis, references);
        out.println(
            s.score() + "\tBLEU\tnrefs:" + refs.size() + "|case:mixed|eff:no|tok:13a|smooth:exp");
        out.println(s.describe());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(hyp + " vs " + refs + ": " + e.getMessage(), e);
    }
    out.flush();
    return 0;
  }

  private void checkLength(List<String> hypothesis, int refLines) {
    if (hypothesis.size() != refLines) {
      throw new IllegalArgumentException(
          "the hypothesis has " + hypothesis.size() + " lines but the references have " + refLines);
    }
  }
}
