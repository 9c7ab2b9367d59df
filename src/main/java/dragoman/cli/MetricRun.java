package dragoman.cli;

import dragoman.eval.SacrebleuReport;
import dragoman.metric.CorpusMetric;
import dragoman.metric.PairedTest;
import dragoman.metric.Signature;
import dragoman.pipeline.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * What {@code eval bleu}, {@code eval chrf} and {@code eval ter} share: reading, printing, tests.
 */
final class MetricRun {
  /** One metric against prepared references. */
  interface Scorer {
    /** The metric bound to the references. */
    CorpusMetric metric();

    /** The metric's own signature fields. */
    Map<String, String> signatureFields(boolean sentence);

    /** The corpus score, at full precision. */
    double score(List<String> hypothesis);

    /** A second line of details (BLEU's precisions), or null. */
    String details(List<String> hypothesis);

    /** One score per line. */
    List<Double> sentenceScores(List<String> hypothesis);
  }

  /** Builds a scorer from the reference streams. */
  interface ScorerFactory {
    Scorer prepare(List<List<String>> references);
  }

  private MetricRun() {}

  static int run(
      CommandLine cli,
      ScoredFiles files,
      ReportFlags report,
      PairedFlags paired,
      boolean sentence,
      InputStream stdin,
      ScorerFactory factory)
      throws IOException {
    PairedTest.Options test = paired.options(cli);
    files.check(sentence, test != null, cli);
    List<List<String>> references = files.references(stdin);
    Scorer scorer;
    try {
      scorer = factory.prepare(references);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(files.refs + ": " + e.getMessage(), e);
    }
    int lines = references.get(0).size();
    PrintWriter out = cli.getOut();
    String name = scorer.metric().name();
    Signature signature =
        new Signature(
            references.size(),
            test == null ? null : test.kind().signatureKey(),
            test == null ? 0 : test.samples(),
            test == null ? 0 : test.seed(),
            scorer.signatureFields(sentence),
            VersionProvider.signatureVersion());
    List<List<String>> systems = new ArrayList<>();
    for (String hyp : files.hyps) {
      systems.add(ScoredFiles.hypothesis(hyp, lines, stdin));
    }
    if (sentence) {
      for (double s : scorer.sentenceScores(systems.get(0))) {
        out.println(s);
      }
    } else if (test != null) {
      cli.getErr()
          .println(
              "dragoman eval: "
                  + (test.kind() == PairedTest.Kind.BOOTSTRAP
                      ? "paired bootstrap, " + test.samples() + " resamples"
                      : "paired approximate randomisation, " + test.samples() + " trials")
                  + ", "
                  + systems.size()
                  + " systems");
      List<List<PairedTest.Result>> results =
          PairedTest.run(List.of(scorer.metric()), systems, test);
      List<PairedTest.Result> column = new ArrayList<>();
      for (List<PairedTest.Result> r : results) {
        column.add(r.get(0));
      }
      if (report.format == ReportFlags.Format.json) {
        out.println(SacrebleuReport.pairedJson(files.hyps, name, column));
      } else {
        out.print(
            SacrebleuReport.pairedTable(files.hyps, name, column, test, report.width, signature));
      }
    } else if (systems.size() == 1) {
      double score = scorer.score(systems.get(0));
      String details = scorer.details(systems.get(0));
      if (report.format == ReportFlags.Format.json) {
        out.println(SacrebleuReport.singleJson(name, score, report.width, signature, details));
      } else {
        out.println(score + "\t" + name + "\t" + signature.format());
        if (details != null) {
          out.println(name + " = " + SacrebleuReport.fixed(score, 2) + " " + details);
        }
      }
    } else {
      List<Double> scores = new ArrayList<>();
      for (List<String> system : systems) {
        scores.add(scorer.score(system));
      }
      if (report.format == ReportFlags.Format.json) {
        out.println(SacrebleuReport.systemsJson(files.hyps, name, scores, report.width));
      } else {
        for (int i = 0; i < systems.size(); i++) {
          out.println(
              scores.get(i) + "\t" + name + "\t" + signature.format() + "\t" + files.hyps.get(i));
        }
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
