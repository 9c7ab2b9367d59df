package dragoman.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dragoman.eval.LineFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TER of five WMT21 de-en systems against reference A, with each of sacreBLEU's TER options,
 * against eval/data/sacrebleu-reference/wmt21-de-en.refA.ter.tsv (computed by sacreBLEU 2.5.1; see
 * its PROVENANCE). The tsv holds sacreBLEU's score to 10 decimals and its signature.
 */
class TerWmt21Test {
  static final Path WMT21 = Path.of("eval/data/wmt21");
  static final Path REFERENCE = Path.of("eval/data/sacrebleu-reference/wmt21-de-en.refA.ter.tsv");

  static TerOptions options(String flag) {
    return switch (flag) {
      case "default" -> TerOptions.DEFAULTS;
      case "--ter-case-sensitive" -> new TerOptions(false, false, false, true);
      case "--ter-normalized" -> new TerOptions(true, false, false, false);
      case "--ter-no-punct" -> new TerOptions(false, true, false, false);
      case "--ter-asian-support" -> new TerOptions(false, false, true, false);
      default -> throw new IllegalArgumentException(flag);
    };
  }

  @Test
  void everySystemAndOptionMatchesSacrebleu() throws IOException {
    List<List<String>> refs = List.of(LineFiles.read(WMT21.resolve("newstest2021.de-en.ref.A.en")));
    int checked = 0;
    for (String line : LineFiles.read(REFERENCE)) {
      String[] f = line.split("\t");
      if (f[0].equals("system")) {
        continue;
      }
      List<String> hyp =
          LineFiles.read(WMT21.resolve("system-outputs/newstest2021.de-en.hyp." + f[0] + ".en"));
      Ter ter = new Ter(options(f[1]));
      assertThat(ter.corpus(hyp, refs).score())
          .as("%s %s", f[0], f[1])
          .isCloseTo(Double.parseDouble(f[2]), within(1e-8));
      String signature = f[3].substring(0, f[3].lastIndexOf("|version:"));
      assertThat(new Signature(1, null, 0, 0, ter.signatureFields(), "x").format())
          .isEqualTo(signature + "|version:x");
      checked++;
    }
    assertThat(checked).isEqualTo(25);
  }
}
