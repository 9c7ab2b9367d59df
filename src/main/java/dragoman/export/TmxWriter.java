package dragoman.export;

import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes aligned pairs as a TMX 1.4b translation memory (LISA OSCAR, "TMX 1.4b Specification",
 * 2005): one {@code <tu>} per aligned pair, German {@code <tuv xml:lang="de">} then English.
 *
 * <p>An aligned pair is the records of one alignment bead (a 2-1 bead gives one unit whose German
 * is both sentences) or, without alignment, one record with its translation. Records with no
 * English are left out: a memory of untranslated sentences is of no use to a CAT tool. The review
 * goes on the unit: user-defined properties ({@code x-} types, spec section 3.2 "prop") for the
 * score, the flag and the kind, and one {@code <note>} per finding.
 *
 * <p>No dates are written, so the same input gives the same bytes (resumed runs compare equal).
 */
public final class TmxWriter {
  /** Written into the header as creationtool. */
  public static final String TOOL = "Dragoman";

  public static final String TOOL_VERSION = "0.1.0";

  // The JDK's own StAX writer, not whichever is on the classpath (Okapi brings Woodstox, which
  // writes the declaration differently), so the bytes do not depend on the dependencies.
  private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

  public void write(List<ExportDocument> docs, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = factory.createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeDTD("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">");
      x.writeCharacters("\n");
      x.writeStartElement("tmx");
      x.writeAttribute("version", "1.4");
      x.writeCharacters("\n  ");
      x.writeEmptyElement("header");
      x.writeAttribute("creationtool", TOOL);
      x.writeAttribute("creationtoolversion", TOOL_VERSION);
      x.writeAttribute("segtype", "sentence");
      x.writeAttribute("o-tmf", "Dragoman JSONL");
      x.writeAttribute("adminlang", "en");
      x.writeAttribute("srclang", "de");
      x.writeAttribute("datatype", "plaintext");
      x.writeCharacters("\n  ");
      x.writeStartElement("body");
      for (ExportDocument doc : docs) {
        for (List<SegmentRecord> pair : pairs(doc.records())) {
          writeUnit(x, doc, pair);
        }
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write TMX: " + e.getMessage(), e);
    }
  }

  /** Records grouped into aligned pairs, each with English, in reading order. */
  static List<List<SegmentRecord>> pairs(List<SegmentRecord> records) {
    List<List<SegmentRecord>> out = new ArrayList<>();
    List<SegmentRecord> group = new ArrayList<>();
    for (SegmentRecord r : records) {
      boolean sameBead =
          !group.isEmpty()
              && r.align() != null
              && group.get(0).align() != null
              && group.get(0).align().bead() == r.align().bead();
      if (!sameBead && !group.isEmpty()) {
        out.add(group);
        group = new ArrayList<>();
      }
      group.add(r);
    }
    if (!group.isEmpty()) {
      out.add(group);
    }
    out.removeIf(g -> english(g) == null);
    return out;
  }

  private static String english(List<SegmentRecord> group) {
    for (SegmentRecord r : group) {
      if (r.en() != null && !r.en().isBlank()) {
        return r.en();
      }
    }
    return null;
  }

  private void writeUnit(XMLStreamWriter x, ExportDocument doc, List<SegmentRecord> pair)
      throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement("tu");
    x.writeAttribute("tuid", pair.get(0).id());
    prop(x, "x-document", doc.id());
    if (pair.size() > 1) {
      prop(x, "x-segments", String.join(" ", pair.stream().map(SegmentRecord::id).toList()));
    }
    SegmentReview worst = null;
    for (SegmentRecord r : pair) {
      if (r.review() != null && (worst == null || r.review().score() > worst.score())) {
        worst = r.review();
      }
    }
    if (worst != null) {
      prop(x, "x-review-score", FindingText.score(worst.score()));
      prop(x, "x-review-flag", Boolean.toString(pair.stream().anyMatch(TmxWriter::flagged)));
      if (worst.kind() != null) {
        prop(x, "x-review-kind", worst.kind());
      }
    }
    SegmentRecord first = pair.get(0);
    if (first.align() != null) {
      prop(x, "x-align-cost", String.format(Locale.ROOT, "%.4f", first.align().cost()));
    }
    if (first.mt() != null) {
      prop(x, "x-mt-model", first.mt().model());
    }
    for (SegmentRecord r : pair) {
      if (r.review() == null) {
        continue;
      }
      for (Finding f : r.review().findings()) {
        x.writeCharacters("\n      ");
        x.writeStartElement("note");
        x.writeCharacters(XmlText.clean(FindingText.describe(f, r)));
        x.writeEndElement();
      }
    }
    String de = String.join(" ", pair.stream().map(SegmentRecord::de).toList());
    variant(x, "de", de);
    variant(x, "en", english(pair));
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  private static boolean flagged(SegmentRecord r) {
    return r.review() != null && r.review().flag();
  }

  private static void prop(XMLStreamWriter x, String type, String value) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeStartElement("prop");
    x.writeAttribute("type", type);
    x.writeCharacters(XmlText.clean(value));
    x.writeEndElement();
  }

  private static void variant(XMLStreamWriter x, String lang, String text)
      throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeStartElement("tuv");
    x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
    x.writeStartElement("seg");
    x.writeCharacters(XmlText.clean(text));
    x.writeEndElement();
    x.writeEndElement();
  }
}
