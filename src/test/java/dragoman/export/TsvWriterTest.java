package dragoman.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvWriterTest {
  @Test
  void onePairALineGermanThenEnglishWithoutInnerTabs() throws Exception {
    SegmentRecord tabbed =
        new SegmentRecord("d#p0.s0", "d", 0, 7, "a\tb\nc", "x\r\ny", null, null, null);
    SegmentRecord untranslated =
        new SegmentRecord("d#p0.s1", "d", 8, 9, "z", null, null, null, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TsvWriter()
        .write(
            List.of(
                new ExportDocument("d", "d.txt", List.of(tabbed, untranslated)),
                Samples.doc(Samples.aligned())),
            out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "a b c\tx y\n"
                + Samples.S0
                + " "
                + Samples.S1
                + "\tIt is easy to dismiss it.\n"
                + "Das ist gut.\tThat is good.\n");
  }
}
