package dragoman.export;

import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XLIFF 1.2 (OASIS, "XLIFF Version 1.2", 2008), what most CAT tools import first: one {@code
 * <file>} per document, one {@code <trans-unit>} per segment, German source, English target when
 * there is one.
 *
 * <p>Review results where CAT tools show them (spec 2.6 "state", "state-qualifier"): a target is
 * {@code state="translated"}, or {@code needs-review-translation} when the segment is flagged; a
 * machine translation also says {@code state-qualifier="mt-suggestion"}, an aligned English
 * sentence {@code leveraged-tm}. The score and each finding are {@code <note from="dragoman"
 * annotates="source">} with a priority from the severity (1 = most important). A flagged segment
 * without a target has no state to carry (state is an attribute of the target): its notes say it.
 *
 * <p>Trans-unit ids are strings in 1.2, so the segment id ({@code doc#p0.s1}) is the id itself.
 */
public final class Xliff12Writer {
  public static final String NS = "urn:oasis:names:tc:xliff:document:1.2";

  // The JDK's own StAX writer, not whichever is on the classpath (Okapi brings Woodstox, which
  // writes the declaration differently), so the bytes do not depend on the dependencies.
  private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

  public void write(List<ExportDocument> docs, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = factory.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "xliff");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("version", "1.2");
      for (ExportDocument doc : docs) {
        x.writeCharacters("\n  ");
        x.writeStartElement(NS, "file");
        x.writeAttribute("original", XmlText.clean(doc.source()));
        x.writeAttribute("source-language", "de");
        x.writeAttribute("target-language", "en");
        x.writeAttribute("datatype", "plaintext");
        x.writeAttribute("tool-id", "dragoman");
        x.writeCharacters("\n    ");
        x.writeStartElement(NS, "header");
        x.writeStartElement(NS, "tool");
        x.writeAttribute("tool-id", "dragoman");
        x.writeAttribute("tool-name", "Dragoman");
        x.writeEndElement();
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeStartElement(NS, "body");
        for (SegmentRecord r : doc.records()) {
          writeUnit(x, r);
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write XLIFF 1.2: " + e.getMessage(), e);
    }
  }

  private void writeUnit(XMLStreamWriter x, SegmentRecord r) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeStartElement(NS, "trans-unit");
    x.writeAttribute("id", XmlText.clean(r.id()));
    x.writeCharacters("\n        ");
    x.writeStartElement(NS, "source");
    x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "de");
    x.writeCharacters(XmlText.clean(r.de()));
    x.writeEndElement();
    SegmentReview review = r.review();
    boolean flagged = review != null && review.flag();
    if (r.en() != null) {
      x.writeCharacters("\n        ");
      x.writeStartElement(NS, "target");
      x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
      x.writeAttribute("state", flagged ? "needs-review-translation" : "translated");
      x.writeAttribute("state-qualifier", r.mt() != null ? "mt-suggestion" : "leveraged-tm");
      x.writeCharacters(XmlText.clean(r.en()));
      x.writeEndElement();
    }
    if (review != null) {
      note(
          x,
          flagged ? 1 : 9,
          "review score "
              + FindingText.score(review.score())
              + (flagged ? ", flagged for review" : ", not flagged")
              + (review.kind() == null ? "" : " (" + review.kind() + ")"));
      for (Finding f : review.findings()) {
        note(x, XliffWriter.priority(f.severity()), FindingText.describe(f, r));
      }
    }
    x.writeCharacters("\n      ");
    x.writeEndElement();
  }

  private static void note(XMLStreamWriter x, int priority, String text) throws XMLStreamException {
    x.writeCharacters("\n        ");
    x.writeStartElement(NS, "note");
    x.writeAttribute("from", "dragoman");
    x.writeAttribute("annotates", "source");
    x.writeAttribute("priority", Integer.toString(priority));
    x.writeCharacters(XmlText.clean(text));
    x.writeEndElement();
  }
}
