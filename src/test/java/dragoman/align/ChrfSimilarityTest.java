package dragoman.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dragoman.metric.Chrf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChrfSimilarityTest {
  private final ChrfSimilarity similarity = new ChrfSimilarity();
  private final Chrf chrf = new Chrf(6, 0, 1.0);

  @Test
  void equalsSacrebleuChrfWithBetaOneOnNewstestLines() throws Exception {
    Path dir = Path.of("eval/data/wmt21");
    List<String> a = Files.readAllLines(dir.resolve("newstest2021.de-en.ref.A.en"));
    List<String> b = Files.readAllLines(dir.resolve("newstest2021.de-en.ref.B.en"));
    for (int k = 0; k < 300; k++) {
      // The matching line and a line further on: high and low scores both checked.
      for (int o : new int[] {0, 7}) {
        String hyp = b.get(k);
        String ref = a.get(k + o);
        assertThat(similarity.score(similarity.prepare(hyp), similarity.prepare(ref)))
            .isCloseTo(chrf.sentenceScore(hyp, List.of(ref)) / 100.0, within(1e-12));
      }
    }
  }

  @Test
  void aJoinedProfileEqualsTheProfileOfTheJoinedText() throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of("eval/data/wmt21/newstest2021.de-en.src.de")).subList(0, 60);
    List<List<String>> spans = new java.util.ArrayList<>();
    for (int k = 0; k + 3 <= lines.size(); k += 3) {
      spans.add(lines.subList(k, k + 3));
    }
    // Short and empty sentences: n-grams that cross two junctions at once.
    spans.add(List.of("Ja", "x", "", "Nein."));
    spans.add(List.of("a", "b"));
    for (List<String> span : spans) {
      List<ChrfSimilarity.Profile> parts = span.stream().map(similarity::prepare).toList();
      ChrfSimilarity.Profile joined = similarity.join(span, parts);
      ChrfSimilarity.Profile direct = similarity.prepare(String.join(" ", span));
      assertThat(joined.keys()).isEqualTo(direct.keys());
      assertThat(joined.counts()).isEqualTo(direct.counts());
      assertThat(joined.totals()).isEqualTo(direct.totals());
    }
  }

  @Test
  void whitespaceIsIgnoredAndDisjointTextsScoreZero() {
    assertThat(
            similarity.score(similarity.prepare("Piz Bernina"), similarity.prepare("PizBernina")))
        .isEqualTo(1.0);
    assertThat(similarity.score(similarity.prepare("abc"), similarity.prepare("xyz"))).isZero();
    assertThat(similarity.score(similarity.prepare(""), similarity.prepare("xyz"))).isZero();
  }
}
