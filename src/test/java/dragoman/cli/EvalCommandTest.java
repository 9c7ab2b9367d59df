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
  void terCountsOneShiftAsOneEdit() throws IOException {
    // sacreBLEU's test_ter.py: "d e f g h a b c" vs "a b c d e f g h" is one shift in 8 words.
    Path ref = file("ref", "a b c d e f g h\n");
    Path hyp = file("hyp", "d e f g h a b c\n");
    assertThat(run("eval", "ter", "-r", ref.toString(), "-H", hyp.toString())).isZero();
    assertThat(firstNumber()).isCloseTo(12.5, within(1e-12));
    assertThat(out.toString())
        .contains("\tTER\tnrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:dragoman-");
  }

  @Test
  void jsonHasSacrebleusFieldsWithTheScoreRoundedToTheWidth() throws IOException {
    Path ref = file("ref", "the cat is on the mat\n");
    Path hyp = file("hyp", "the cat sat on the mat\n");
    assertThat(
            run(
                "eval",
                "bleu",
                "-r",
                ref.toString(),
                "-H",
                hyp.toString(),
                "-f",
                "json",
                "-w",
                "2"))
        .isZero();
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(json.get("name").asText()).isEqualTo("BLEU");
    // (250/3 * 60 * 25 * 50/3)^(1/4) = 37.99..., rounded to 2 decimals
    assertThat(json.get("score").asDouble()).isEqualTo(37.99);
    assertThat(json.get("signature").asText())
        .startsWith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:dragoman-");
    assertThat(json.get("verbose_score").asText()).startsWith("83.3/60.0/25.0/16.7 (BP = 1.000");
    assertThat(json.get("tok").asText()).isEqualTo("13a");
    assertThat(json.get("smooth").asText()).isEqualTo("exp");
  }

  @Test
  void readsGzippedReferencesAndTheHypothesisFromStandardInput() throws IOException {
    Path ref = dir.resolve("ref.gz");
    try (java.io.OutputStream gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(ref))) {
      gz.write("a b c d\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "a b c d  \n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(run("eval", "chrf", "-r", ref.toString(), "-H", "-", "--chrf-whitespace"))
          .isZero();
    } finally {
      System.setIn(stdin);
    }
    // trailing whitespace is stripped as sacreBLEU's command line strips it, so even with
    // whitespace kept the lines are equal
    assertThat(firstNumber()).isCloseTo(100.0, within(1e-12));
    assertThat(out.toString()).contains("space:yes");
  }

  @Test
  void tokenizerThatNeedsAnExternalModelIsAUsageErrorInOneLine() throws IOException {
    Path ref = file("ref", "a\n");
    assertThat(run("eval", "bleu", "-r", ref.toString(), "-H", ref.toString(), "-tok", "ja-mecab"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("MeCab");
  }

  @Test
  void pairedTestsNeedAtLeastTwoSystems() throws IOException {
    Path ref = file("ref", "a\n");
    assertThat(run("eval", "bleu", "-r", ref.toString(), "-H", ref.toString(), "--paired-bs"))
        .isEqualTo(2);
  }

  @Test
  void aSystemComparedWithItselfHasTheSmallestPValue() throws IOException {
    // With no difference at all no resample beats it: p = (0 + 1) / (N + 1).
    Path ref = file("ref", "a b c d\ne f g h\n");
    Path hyp = file("hyp", "a b c x\ne f y h\n");
    assertThat(
            run(
                "eval",
                "chrf",
                "-r",
                ref.toString(),
                "-H",
                hyp.toString(),
                hyp.toString(),
                "--paired-bs",
                "--paired-bs-n",
                "99"))
        .isZero();
    assertThat(out.toString())
        .contains("chrF2 (μ ± 95% CI)")
        .contains("(p = 0.0100)*")
        .contains("nrefs:1|bs:99|seed:12345|case:mixed|eff:yes|nc:6|nw:0|space:no");
  }

  @Test
  void pairedRandomizationOnWmt21MatchesSacrebleusJson() throws IOException {
    // eval/data/sacrebleu-reference/wmt21-de-en.refA.paired-ar.json (sacreBLEU 2.5.1), TER part
    Path wmt = Path.of("eval/data/wmt21");
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "eval", "ter", "-r", wmt.resolve("newstest2021.de-en.ref.A.en").toString(), "-H"));
    for (String s : java.util.List.of("Borderline", "Online-B", "UF", "SMU")) {
      args.add(wmt.resolve("system-outputs/newstest2021.de-en.hyp." + s + ".en").toString());
    }
    args.addAll(java.util.List.of("--paired-ar", "-f", "json"));
    assertThat(run(args.toArray(String[]::new))).isZero();
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode ours = mapper.readTree(out.toString());
    com.fasterxml.jackson.databind.JsonNode expected =
        mapper.readTree(
            Path.of("eval/data/sacrebleu-reference/wmt21-de-en.refA.paired-ar.json").toFile());
    assertThat(ours).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(ours.get(i).get("system").asText())
          .startsWith(i == 0 ? "Baseline: " : "eval")
          .endsWith(expected.get(i).get("system").asText().replace("Baseline: ", ""));
      assertThat(ours.get(i).get("TER")).isEqualTo(expected.get(i).get("TER"));
    }
  }

  @Test
  void evalWithoutMetricIsAUsageError() {
    assertThat(run("eval")).isEqualTo(2);
  }
}
