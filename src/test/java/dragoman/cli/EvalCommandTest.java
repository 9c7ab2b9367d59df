package dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private double firstNumber() {
    String first = out.toString().lines().findFirst().orElseThrow();
    return Double.parseDouble(first.split("\\s+")[0]);
  }

  @Test
  void bleuPrintsTheCorpusScoreFirstAtFullPrecision() throws IOException {
    // Same hand-computed case as BleuTest: (250/3 * 60 * 25 * 50/3)^(1/4).
    Path ref = file("ref", "the cat is on the mat\n");
    Path hyp = file("hyp", "the cat sat on the mat\n");
    assertThat(run("eval", "bleu", "--ref", ref.toString(), "--hyp", hyp.toString())).isZero();
    assertThat(firstNumber()).isEqualTo(Math.pow(250.0 / 3 * 60 * 25 * 50.0 / 3, 0.25));
  }

  @Test
  void bleuSentencePrintsOneScorePerLine() throws IOException {
    Path ref = file("ref", "a b c d\nthe cat sat on the mat\n");
    Path hyp = file("hyp", "a b c d\nthe cat\n");
    assertThat(run("eval", "bleu", "--sentence", "-r", ref.toString(), "-H", hyp.toString()))
        .isZero();
    double[] scores = out.toString().lines().mapToDouble(Double::parseDouble).toArray();
    assertThat(scores).hasSize(2);
    assertThat(scores[0]).isCloseTo(100.0, within(1e-9));
    assertThat(scores[1]).isCloseTo(100 * Math.exp(-2), within(1e-9));
  }

  @Test
  void severalHypothesesGiveOneLinePerSystem() throws IOException {
    Path ref = file("ref", "a b c d\n");
    Path good = file("good", "a b c d\n");
    Path bad = file("bad", "x y z w\n");
    assertThat(
            run("eval", "bleu", "--ref", ref.toString(), "--hyp", good.toString(), bad.toString()))
        .isZero();
    assertThat(out.toString().lines().toList())
        .hasSize(2)
        .satisfiesExactly(
            l -> {
              assertThat(Double.parseDouble(l.split("\t")[0])).isCloseTo(100.0, within(1e-9));
              assertThat(l).contains("\tBLEU\t").endsWith(good.toString());
            },
            l -> assertThat(l).startsWith("0.0\tBLEU\t").endsWith(bad.toString()));
  }

  @Test
  void chrfWordOrderTwoIsChrfPlusPlus() throws IOException {
    // ChrfTest: "the cat" vs "the dog" is 20.625 with chrF++.
    Path ref = file("ref", "the dog\n");
    Path hyp = file("hyp", "the cat\n");
    assertThat(
            run(
                "eval",
                "chrf",
                "--word-order",
                "2",
                "--ref",
                ref.toString(),
                "--hyp",
                hyp.toString()))
        .isZero();
    assertThat(firstNumber()).isCloseTo(20.625, within(1e-12));
    assertThat(out.toString()).contains("chrF2++");
  }

  @Test
  void alignPrintsStrictF1First() throws IOException {
    Path gold = file("gold", "[0]:[0]\n[1]:[1]\n[2,3]:[2]\n[]:[3]\n");
    Path test = file("test", "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n[]:[3]\n");
    assertThat(run("eval", "align", "--gold", gold.toString(), "--test", test.toString())).isZero();
    assertThat(firstNumber()).isCloseTo(12.0 / 19, within(1e-12));
  }

  @Test
  void wordalignPrintsAerFirst() throws IOException {
    Path gold = file("gold", "0-0 1-1 1?2\n");
    Path test = file("test", "0-0 1-2 2-2\n");
    assertThat(run("eval", "wordalign", "-g", gold.toString(), "-t", test.toString())).isZero();
    assertThat(firstNumber()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void reviewJoinsTsvLabelsWithJsonlScores() throws IOException {
    Path labels =
        file("labels.tsv", "# comment\nid\tlabel\na\tartifact\nb\tclean\nc\tsubtle\nd\tclean\n");
    Path scores =
        file(
            "scores.jsonl",
            "{\"id\":\"a\",\"review\":{\"score\":0.9}}\n{\"id\":\"b\",\"review\":{\"score\":0.8}}\n"
                + "{\"id\":\"c\",\"review\":{\"score\":0.4}}\n{\"id\":\"d\",\"review\":{\"score\":0.1}}\n");
    int rc =
        run(
            "eval",
            "review",
            "--labels",
            labels.toString(),
            "--scores",
            scores.toString(),
            "--positive",
            "artifact,subtle",
            "--bootstrap",
            "0");
    assertThat(rc).isZero();
    // DetectionScoresTest's case: F1 at 0.5 is 1/2, AP 5/6.
    assertThat(firstNumber()).isEqualTo(0.5);
    assertThat(out.toString()).contains("0.8333333333333333\taverage_precision");
  }

  @Test
  void reviewFailsInOneLineWhenAnItemHasNoScore() throws IOException {
    Path labels = file("labels.tsv", "id\tlabel\na\t1\nb\t0\n");
    Path scores = file("scores.tsv", "id\tscore\na\t0.7\n");
    assertThat(run("eval", "review", "--labels", labels.toString(), "--scores", scores.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("scores.tsv").contains("\"b\"");
  }

  @Test
  void missingFileIsOneLineAndExitOne() {
    assertThat(
            run(
                "eval",
                "bleu",
                "--ref",
                dir.resolve("nope").toString(),
                "--hyp",
                dir.resolve("nope").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("no such file").doesNotContain("Exception");
  }

  @Test
  void mismatchedLineCountsFailWithTheFileNames() throws IOException {
    Path ref = file("ref", "a\nb\n");
    Path hyp = file("hyp", "a\n");
    assertThat(run("eval", "chrf", "--ref", ref.toString(), "--hyp", hyp.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("hyp has 1 lines");
  }

  @Test
  void evalWithoutMetricIsAUsageError() {
    assertThat(run("eval")).isEqualTo(2);
  }
}
