package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.eval.LineFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paired bootstrap resampling and approximate randomisation of three WMT21 de-en systems against
 * Borderline, for BLEU, chrF2 and TER, against the JSON that sacreBLEU 2.5.1 printed for them
 * (eval/data/sacrebleu-reference/wmt21-de-en.refA.paired-{bs,ar}.json; commands in its PROVENANCE).
 * Scores, p-values, means and confidence intervals must be equal to the last bits sacreBLEU's JSON
 * shows.
 */
class PairedTestWmt21Test {
  static final Path WMT21 = Path.of("eval/data/wmt21");
  static final Path REFERENCE = Path.of("eval/data/sacrebleu-reference");
  static final List<String> SYSTEMS = List.of("Borderline", "Online-B", "UF", "SMU");

  static List<List<PairedTest.Result>> run(PairedTest.Kind kind) throws IOException {
    List<List<String>> refs = List.of(LineFiles.read(WMT21.resolve("newstest2021.de-en.ref.A.en")));
    List<List<String>> systems = new ArrayList<>();
    for (String s : SYSTEMS) {
      systems.add(
          LineFiles.read(WMT21.resolve("system-outputs/newstest2021.de-en.hyp." + s + ".en")));
    }
    Bleu bleu = new Bleu();
    Chrf chrf = new Chrf();
    Ter ter = new Ter();
    List<CorpusMetric> metrics =
        List.of(
            bleu.against(bleu.references(refs)),
            chrf.against(chrf.references(refs)),
            ter.against(ter.references(refs)));
    return PairedTest.run(metrics, systems, PairedTest.Options.defaults(kind));
  }

  static void assertMatches(List<List<PairedTest.Result>> ours, String file) throws IOException {
    JsonNode expected = new ObjectMapper().readTree(REFERENCE.resolve(file).toFile());
    List<String> metricNames = List.of("BLEU", "chrF2", "TER");
    for (int s = 0; s < SYSTEMS.size(); s++) {
      JsonNode system = expected.get(s);
      assertThat(system.get("system").asText()).endsWith(".hyp." + SYSTEMS.get(s) + ".en");
      for (int m = 0; m < metricNames.size(); m++) {
        JsonNode e = system.get(metricNames.get(m));
        PairedTest.Result r = ours.get(s).get(m);
        String what = SYSTEMS.get(s) + " " + metricNames.get(m);
        assertThat(r.score()).as(what + " score").isEqualTo(e.get("score").asDouble());
        assertNullable(r.pValue(), e.get("p_value"), what + " p");
        assertNullable(r.mean(), e.get("mean"), what + " mean");
        assertNullable(r.ci(), e.get("ci"), what + " ci");
      }
    }
  }

  static void assertNullable(Double ours, JsonNode expected, String what) {
    if (expected.isNull()) {
      assertThat(ours).as(what).isNull();
    } else {
      assertThat(ours).as(what).isEqualTo(expected.asDouble());
    }
  }

  @Test
  void pairedBootstrapEqualsSacrebleu() throws IOException {
    assertMatches(run(PairedTest.Kind.BOOTSTRAP), "wmt21-de-en.refA.paired-bs.json");
  }

  @Test
  void approximateRandomizationEqualsSacrebleu() throws IOException {
    assertMatches(
        run(PairedTest.Kind.APPROXIMATE_RANDOMIZATION), "wmt21-de-en.refA.paired-ar.json");
  }
}
