package dragoman.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TmxWriterTest {
  private static byte[] tmx(List<ExportDocument> docs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TmxWriter().write(docs, out);
    return out.toByteArray();
  }

  @Test
  void reviewedRecordsValidateAgainstTheTmx14Dtd() throws Exception {
    byte[] xml = tmx(List.of(Samples.doc(Samples.reviewed()), Samples.doc(Samples.aligned())));
    assertThat(XmlValidation.tmxErrors(xml)).isEmpty();
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">");
  }

  @Test
  void theDtdCheckRejectsAUnitWithoutVariants() throws Exception {
    String bad =
        "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx version=\"1.4\">"
            + "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\""
            + " o-tmf=\"x\" adminlang=\"en\" srclang=\"de\" datatype=\"plaintext\"/>"
            + "<body><tu tuid=\"1\"><prop type=\"x\">y</prop></tu></body></tmx>";
    assertThat(XmlValidation.tmxErrors(bad.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void onePairPerBeadWithBothGermanSentencesOfATwoToOneBead() throws Exception {
    Document d = XmlValidation.parse(tmx(List.of(Samples.doc(Samples.aligned()))));
    NodeList tus = d.getElementsByTagName("tu");
    assertThat(tus.getLength()).isEqualTo(2);
    Element first = (Element) tus.item(0);
    assertThat(first.getAttribute("tuid")).isEqualTo("doc#p0.s0");
    assertThat(segs(first))
        .containsExactly(Samples.S0 + " " + Samples.S1, "It is easy to dismiss it.");
    assertThat(segs((Element) tus.item(1))).containsExactly(Samples.S2, "That is good.");
  }

  @Test
  void leavesOutSegmentsWithoutEnglishAndKeepsMarkupAsText() throws Exception {
    Document d = XmlValidation.parse(tmx(List.of(Samples.doc(Samples.reviewed()))));
    NodeList tus = d.getElementsByTagName("tu");
    assertThat(tus.getLength()).isEqualTo(2); // S2 has no English
    assertThat(segs((Element) tus.item(1)).get(0)).isEqualTo(Samples.S1);
  }

  @Test
  void reviewScoreIsAPropAndEachFindingANote() throws Exception {
    Document d = XmlValidation.parse(tmx(List.of(Samples.doc(Samples.reviewed()))));
    Element tu = (Element) d.getElementsByTagName("tu").item(0);
    assertThat(props(tu))
        .contains(
            "x-review-score=0.910",
            "x-review-flag=true",
            "x-review-kind=prose",
            "x-mt-model=opus-mt-de-en",
            "x-document=doc");
    NodeList notes = tu.getElementsByTagName("note");
    assertThat(notes.getLength()).isEqualTo(1);
    assertThat(notes.item(0).getTextContent())
        .isEqualTo(
            "MAJOR structure/link-text-spliced \"versprechen Die Aussage\": link text spliced"
                + " into the sentence (suggestion: \"versprechen. Die Aussage\")");
  }

  @Test
  void controlCharactersBecomeReplacementCharactersSoTheFileStaysXml() throws Exception {
    SegmentRecord r =
        new SegmentRecord("d#p0.s0", "d", 0, 5, "a\u0001b\uD800c", "x\u001Fy", null, null, null);
    byte[] xml = tmx(List.of(new ExportDocument("d", "d.txt", List.of(r))));
    assertThat(XmlValidation.tmxErrors(xml)).isEmpty();
    assertThat(segs((Element) XmlValidation.parse(xml).getElementsByTagName("tu").item(0)))
        .containsExactly("a\uFFFDb\uFFFDc", "x\uFFFDy");
  }

  private static List<String> segs(Element tu) {
    List<String> out = new ArrayList<>();
    NodeList s = tu.getElementsByTagName("seg");
    for (int i = 0; i < s.getLength(); i++) {
      out.add(s.item(i).getTextContent());
    }
    return out;
  }

  private static List<String> props(Element tu) {
    List<String> out = new ArrayList<>();
    NodeList s = tu.getElementsByTagName("prop");
    for (int i = 0; i < s.getLength(); i++) {
      Element p = (Element) s.item(i);
      out.add(p.getAttribute("type") + "=" + p.getTextContent());
    }
    return out;
  }
}
