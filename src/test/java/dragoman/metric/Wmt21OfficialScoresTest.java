package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dragoman.eval.LineFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our BLEU and chrF against the WMT21 organisers' official sacreBLEU scores, for every de-en and
 * en-de system in eval/data/wmt21/automatic-scores.wmt21.tsv. "A" is reference A alone; "all" is
 * every reference of the pair (de-en: A and B; en-de: A, C and D), as the PROVENANCE says.
 */
class Wmt21OfficialScoresTest {
  static final Path DATA = Path.of("eval/data/wmt21");
  static final double TOLERANCE = 1e-4;

  /** Reference letters per pair; "all" uses every one of them. */
  static final Map<String, List<String>> REFERENCES =
      Map.of("de-en", List.of("A", "B"), "en-de", List.of("A", "C", "D"));

  record Official(String pair, String system, String metric, double score) {}

  static List<Official> officialScores() throws IOException {
    List<Official> out = new ArrayList<>();
    for (String line : LineFiles.read(DATA.resolve("automatic-scores.wmt21.tsv"))) {
      String[] f = line.split("\t");
      if (f[0].equals("pair") || !REFERENCES.containsKey(f[0])) {
        continue;
      }
      if (List.of("bleu-A", "chrf-A", "bleu-all", "chrf-all").contains(f[4])) {
        out.add(new Official(f[0], f[1], f[4], Double.parseDouble(f[5])));
      }
    }
    return out;
  }

  @Test
  void everyDeEnAndEnDeSystemMatchesTheOfficialBleuAndChrf() throws IOException {
    List<Official> official = officialScores();
    Bleu bleu = new Bleu();
    Chrf chrf = new Chrf();
    Map<String, Bleu.References> bleuRefs = new LinkedHashMap<>();
    Map<String, Chrf.References> chrfRefs = new LinkedHashMap<>();
    Map<String, List<String>> hyps = new LinkedHashMap<>();
    double maxDiff = 0;
    List<String> systems = new ArrayList<>();
    for (Official o : official) {
      String refKey = o.pair() + "/" + o.metric().substring(o.metric().indexOf('-') + 1);
      List<List<String>> refStreams = referenceStreams(refKey);
      String hypKey = o.pair() + "/" + o.system();
      List<String> hyp = hyps.computeIfAbsent(hypKey, k -> hypothesis(o.pair(), o.system()));
      double ours =
          o.metric().startsWith("bleu")
              ? bleu.corpus(hyp, bleuRefs.computeIfAbsent(refKey, k -> bleu.references(refStreams)))
                  .score()
              : chrf.corpusScore(
                  hyp, chrfRefs.computeIfAbsent(refKey, k -> chrf.references(refStreams)));
      assertThat(ours)
          .as("%s %s %s", o.pair(), o.system(), o.metric())
          .isCloseTo(o.score(), within(TOLERANCE));
      maxDiff = Math.max(maxDiff, Math.abs(ours - o.score()));
      if (!systems.contains(hypKey)) {
        systems.add(hypKey);
      }
    }
    // 19 de-en and 20 en-de primary submissions, four official numbers each.
    assertThat(systems).hasSize(39);
    assertThat(official).hasSize(156);
    System.out.printf(
        "WMT21: %d systems, %d scores, max |diff| %e%n", systems.size(), official.size(), maxDiff);
  }

  private static List<List<String>> referenceStreams(String refKey) {
    String pair = refKey.substring(0, refKey.indexOf('/'));
    String which = refKey.substring(refKey.indexOf('/') + 1);
    List<String> letters = which.equals("all") ? REFERENCES.get(pair) : List.of(which);
    String target = pair.substring(3);
    List<List<String>> streams = new ArrayList<>();
    for (String letter : letters) {
      streams.add(read(DATA.resolve("newstest2021." + pair + ".ref." + letter + "." + target)));
    }
    return streams;
  }

  private static List<String> hypothesis(String pair, String system) {
    Path p =
        DATA.resolve("system-outputs")
            .resolve("newstest2021." + pair + ".hyp." + system + "." + pair.substring(3));
    assertThat(Files.exists(p)).as("%s exists", p).isTrue();
    return read(p);
  }

  private static List<String> read(Path p) {
    try {
      return LineFiles.read(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
