package dragoman.export;

import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import dragoman.review.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XLIFF 2.1 (OASIS, "XLIFF Version 2.1", 2018; core only): one {@code <file>} per document,
 * one {@code <unit>} per segment with one {@code <segment>}, German source, English target when
 * there is one.
 *
 * <p>Review results a CAT tool can act on (spec 4.3.1.28 "state", 4.3.1.29 "subState"): a flagged
 * segment gets {@code state="initial"} with {@code subState="dragoman:needs-review"}, so a tool
 * shows it as not done, whatever its target; an unflagged segment with a target is {@code
 * translated}; one without stays {@code initial}. Findings, and the score, are {@code <note>}s of
 * the unit with {@code appliesTo="source"} and a priority from the severity (1 = most important,
 * spec 4.3.1.33).
 *
 * <p>Unit ids must be NMTOKENs, which a segment id ({@code doc#p0.s1}) is not: the unit id is the
 * part after {@code #} and the full id goes in {@code name}.
 */
public final class XliffWriter {
  public static final String NS = "urn:oasis:names:tc:xliff:document:2.0";
  public static final String NEEDS_REVIEW = "dragoman:needs-review";

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
      x.writeAttribute("version", "2.1");
      x.writeAttribute("srcLang", "de");
      x.writeAttribute("trgLang", "en");
      int fileNo = 0;
      for (ExportDocument doc : docs) {
        fileNo++;
        x.writeCharacters("\n  ");
        x.writeStartElement(NS, "file");
        x.writeAttribute("id", "f" + fileNo);
        x.writeAttribute("original", XmlText.clean(doc.source()));
        int unitNo = 0;
        for (SegmentRecord r : doc.records()) {
          unitNo++;
          writeUnit(x, r, unitNo);
        }
        if (doc.records().isEmpty()) {
          // A file needs at least one unit (core schema); an empty document gets an empty one.
          writeUnit(x, new SegmentRecord("empty", doc.id(), 0, 0, "", null, null, null, null), 1);
        }
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
      throw new IOException("cannot write XLIFF: " + e.getMessage(), e);
    }
  }

  /** The NMTOKEN unit id for a segment id: what follows {@code #}, else u + the position. */
  static String unitId(String segmentId, int position) {
    int hash = segmentId == null ? -1 : segmentId.lastIndexOf('#');
    String local = hash >= 0 ? segmentId.substring(hash + 1) : "";
    return local.matches("[A-Za-z0-9._:-]+") ? local : "u" + position;
  }

  private void writeUnit(XMLStreamWriter x, SegmentRecord r, int position)
      throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement(NS, "unit");
    x.writeAttribute("id", unitId(r.id(), position));
    x.writeAttribute("name", XmlText.clean(r.id()));
    SegmentReview review = r.review();
    if (review != null) {
      x.writeCharacters("\n      ");
      x.writeStartElement(NS, "notes");
      note(
          x,
          "dragoman:score",
          review.flag() ? 1 : 9,
          "review score "
              + FindingText.score(review.score())
              + (review.flag() ? ", flagged for review" : ", not flagged")
              + (review.kind() == null ? "" : " (" + review.kind() + ")"));
      for (Finding f : review.findings()) {
        note(x, "dragoman:" + f.detector(), priority(f.severity()), FindingText.describe(f, r));
      }
      x.writeCharacters("\n      ");
      x.writeEndElement();
    }
    x.writeCharacters("\n      ");
    x.writeStartElement(NS, "segment");
    x.writeAttribute("id", "s1");
    boolean flagged = review != null && review.flag();
    boolean hasTarget = r.en() != null;
    if (flagged) {
      x.writeAttribute("state", "initial");
      x.writeAttribute("subState", NEEDS_REVIEW);
    } else {
      x.writeAttribute("state", hasTarget ? "translated" : "initial");
    }
    x.writeStartElement(NS, "source");
    x.writeCharacters(XmlText.clean(r.de()));
    x.writeEndElement();
    if (hasTarget) {
      x.writeStartElement(NS, "target");
      x.writeCharacters(XmlText.clean(r.en()));
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  private static void note(XMLStreamWriter x, String category, int priority, String text)
      throws XMLStreamException {
    x.writeCharacters("\n        ");
    x.writeStartElement(NS, "note");
    x.writeAttribute("appliesTo", "source");
    x.writeAttribute("category", category);
    x.writeAttribute("priority", Integer.toString(priority));
    x.writeCharacters(XmlText.clean(text));
    x.writeEndElement();
  }

  public static int priority(Severity s) {
    if (s == null) {
      return 5;
    }
    return switch (s) {
      case MAJOR -> 1;
      case MINOR -> 3;
      case INFO -> 8;
    };
  }
}
