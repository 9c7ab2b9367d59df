package dragoman.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XliffWriterTest {
  private static final String NS = "urn:oasis:names:tc:xliff:document:2.0";

  private static byte[] xliff(List<ExportDocument> docs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XliffWriter().write(docs, out);
    return out.toByteArray();
  }

  @Test
  void validatesAgainstTheOasisXliff21CoreSchema() throws Exception {
    byte[] xml =
        xliff(
            List.of(
                Samples.doc(Samples.reviewed()),
                new ExportDocument("other", "other.txt", Samples.aligned()),
                new ExportDocument("empty", "empty.txt", List.of())));
    assertThat(XmlValidation.xliffErrors(xml)).isEmpty();
  }

  @Test
  void theSchemaCheckRejectsAnUnknownStateAndAUnitWithoutId() throws Exception {
    String bad =
        "<xliff xmlns=\""
            + NS
            + "\" version=\"2.1\" srcLang=\"de\"><file id=\"f\">"
            + "<unit><segment state=\"needs-review\"><source>a</source></segment></unit>"
            + "</file></xliff>";
    List<String> errors = XmlValidation.xliffErrors(bad.getBytes(StandardCharsets.UTF_8));
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void flaggedSegmentIsInitialWithNeedsReviewSubStateAndFindingNotes() throws Exception {
    Document d = XmlValidation.parse(xliff(List.of(Samples.doc(Samples.reviewed()))));
    NodeList units = d.getElementsByTagNameNS(NS, "unit");
    assertThat(units.getLength()).isEqualTo(3);

    Element flagged = (Element) units.item(0);
    assertThat(flagged.getAttribute("id")).isEqualTo("p0.s0");
    assertThat(flagged.getAttribute("name")).isEqualTo("doc#p0.s0");
    Element seg = (Element) flagged.getElementsByTagNameNS(NS, "segment").item(0);
    assertThat(seg.getAttribute("state")).isEqualTo("initial");
    assertThat(seg.getAttribute("subState")).isEqualTo("dragoman:needs-review");
    NodeList notes = flagged.getElementsByTagNameNS(NS, "note");
    assertThat(notes.getLength()).isEqualTo(2); // the score and the one finding
    Element finding = (Element) notes.item(1);
    assertThat(finding.getAttribute("category")).isEqualTo("dragoman:structure");
    assertThat(finding.getAttribute("priority")).isEqualTo("1");
    assertThat(finding.getAttribute("appliesTo")).isEqualTo("source");
    assertThat(finding.getTextContent()).contains("\"versprechen Die Aussage\"");
    assertThat(text(flagged, "target")).startsWith("So it is easy");

    Element clean = (Element) units.item(1);
    Element cleanSeg = (Element) clean.getElementsByTagNameNS(NS, "segment").item(0);
    assertThat(cleanSeg.getAttribute("state")).isEqualTo("translated");
    assertThat(cleanSeg.hasAttribute("subState")).isFalse();
    assertThat(text(clean, "source")).isEqualTo(Samples.S1);

    Element untranslated = (Element) units.item(2);
    Element s2 = (Element) untranslated.getElementsByTagNameNS(NS, "segment").item(0);
    assertThat(s2.getAttribute("state")).isEqualTo("initial");
    assertThat(s2.hasAttribute("subState")).isFalse();
    assertThat(untranslated.getElementsByTagNameNS(NS, "target").getLength()).isZero();
  }

  @Test
  void unitIdIsTheNmtokenAfterTheHash() {
    assertThat(XliffWriter.unitId("000_e18c#p3.s1", 7)).isEqualTo("p3.s1");
    assertThat(XliffWriter.unitId("no hash here", 7)).isEqualTo("u7");
    assertThat(XliffWriter.unitId("doc#p 1", 2)).isEqualTo("u2");
  }

  private static String text(Element unit, String name) {
    return unit.getElementsByTagNameNS(NS, name).item(0).getTextContent();
  }
}
