package dragoman.cli;

import dragoman.metric.Bleu;
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
  @Mixin ScoredFiles files;

  @Option(names = "--sentence", description = "Print one sentence BLEU per line.")
  boolean sentence;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    files.requireOneHypothesisFor(sentence, spec.commandLine());
    List<List<String>> references = files.references();
    PrintWriter out = spec.commandLine().getOut();
    Bleu bleu = new Bleu();
    String signature = "BLEU\tnrefs:" + files.refs.size() + "|case:mixed|eff:no|tok:13a|smooth:exp";
    Bleu.References prepared = prepare(bleu, references);
    for (Path hyp : files.hyps) {
      List<String> hypothesis = ScoredFiles.hypothesis(hyp, prepared.size());
      if (sentence) {
        for (int i = 0; i < hypothesis.size(); i++) {
          List<String> lineRefs = new ArrayList<>();
          for (List<String> stream : references) {
            lineRefs.add(stream.get(i));
          }
          out.println(bleu.sentenceScore(hypothesis.get(i), lineRefs));
        }
      } else if (files.hyps.size() == 1) {
        Bleu.Score s = bleu.corpus(hypothesis, prepared);
        out.println(s.score() + "\t" + signature);
        out.println(s.describe());
      } else {
        out.println(bleu.corpus(hypothesis, prepared).score() + "\t" + signature + "\t" + hyp);
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private Bleu.References prepare(Bleu bleu, List<List<String>> references) {
    try {
      return bleu.references(references);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(files.refs + ": " + e.getMessage(), e);
    }
  }
}
