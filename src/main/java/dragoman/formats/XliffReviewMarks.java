package dragoman.formats;

import dragoman.export.Xliff12Writer;
import dragoman.export.XliffWriter;
import dragoman.review.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Puts a run's results into the XLIFF that Okapi wrote back: the state of each translated or
 * flagged unit and the findings as notes, where CAT tools show them. Okapi's writers fill the
 * targets but have no notion of review, so this is done on the written file with the JDK's DOM.
 *
 * <p>XLIFF 1.2 (OASIS 2008, 2.6 "state", "state-qualifier"): the target gets {@code
 * state="translated"}, or {@code needs-review-translation} when the review flags the German or an
 * inline code had to be moved; {@code state-qualifier="mt-suggestion"} says the target is machine
 * translation. Findings are {@code <note from="dragoman" annotates="source">} after the target.
 *
 * <p>XLIFF 2 (as {@link XliffWriter}): segments get {@code state="translated"}, or {@code
 * state="initial"} with {@code subState="dragoman:needs-review"} when flagged; findings are notes
 * of the unit with {@code appliesTo="source"}.
 */
final class XliffReviewMarks {
  static final String NS12 = Xliff12Writer.NS;
  static final String NS2 = XliffWriter.NS;

  /** One finding as a note. */
  record Note(Severity severity, String category, String text) {}

  /** What to mark on one unit, found by its id. */
  record UnitMark(boolean translated, boolean flagged, List<Note> notes) {}

  private final FileFormat format;

  XliffReviewMarks(FileFormat format) {
    this.format = format;
  }

  /**
   * @param marks what to mark, by unit id
   * @param withoutTarget ids of units that had no target when read and were not translated: Okapi's
   *     XLIFF 1.2 writer gives them a copy of the source as target, which is taken out again
   */
  byte[] apply(byte[] xliff, Map<String, UnitMark> marks, Set<String> withoutTarget)
      throws IOException {
    if (marks.isEmpty() && withoutTarget.isEmpty()) {
      return xliff;
    }
    try {
      Document doc = parser().parse(new ByteArrayInputStream(xliff));
      if (format == FileFormat.xliff12) {
        mark12(doc, marks, withoutTarget);
      } else {
        mark2(doc, marks);
      }
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (SAXException | ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot add review states to the XLIFF written: " + e.getMessage(), e);
    }
  }

  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder();
  }

  private static void mark12(Document doc, Map<String, UnitMark> marks, Set<String> withoutTarget) {
    NodeList units = doc.getElementsByTagNameNS(NS12, "trans-unit");
    for (int i = 0; i < units.getLength(); i++) {
      Element unit = (Element) units.item(i);
      String id = unit.getAttribute("id");
      UnitMark m = marks.get(id);
      if (withoutTarget.contains(id) && (m == null || !m.translated())) {
        Element added = child(unit, NS12, "target");
        if (added != null) {
          unit.removeChild(added);
        }
      }
      if (m == null) {
        continue;
      }
      Element target = child(unit, NS12, "target");
      if (target != null && (m.translated() || m.flagged())) {
        target.setAttribute("state", m.flagged() ? "needs-review-translation" : "translated");
        if (m.translated()) {
          target.setAttribute("state-qualifier", "mt-suggestion");
        }
      }
      Node after = target != null ? target : child(unit, NS12, "seg-source");
      if (after == null) {
        after = child(unit, NS12, "source");
      }
      for (Note n : m.notes()) {
        Element note = doc.createElementNS(NS12, "note");
        note.setAttribute("from", "dragoman");
        note.setAttribute("annotates", "source");
        note.setAttribute("priority", Integer.toString(XliffWriter.priority(n.severity())));
        note.setTextContent(n.text());
        unit.insertBefore(note, after.getNextSibling());
        after = note;
      }
    }
  }

  private static void mark2(Document doc, Map<String, UnitMark> marks) {
    NodeList units = doc.getElementsByTagNameNS(NS2, "unit");
    for (int i = 0; i < units.getLength(); i++) {
      Element unit = (Element) units.item(i);
      UnitMark m = marks.get(unit.getAttribute("id"));
      if (m == null) {
        continue;
      }
      for (Node c = unit.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element seg
            && NS2.equals(seg.getNamespaceURI())
            && seg.getLocalName().equals("segment")
            && child(seg, NS2, "target") != null) {
          if (m.flagged()) {
            seg.setAttribute("state", "initial");
            seg.setAttribute("subState", XliffWriter.NEEDS_REVIEW);
          } else if (m.translated()) {
            seg.setAttribute("state", "translated");
            seg.removeAttribute("subState");
          }
        }
      }
      if (m.notes().isEmpty()) {
        continue;
      }
      Element notes = child(unit, NS2, "notes");
      if (notes == null) {
        notes = doc.createElementNS(NS2, "notes");
        Node before = child(unit, NS2, "originalData");
        if (before == null) {
          before = firstOf(unit, "segment", "ignorable");
        }
        unit.insertBefore(notes, before);
      }
      for (Note n : m.notes()) {
        Element note = doc.createElementNS(NS2, "note");
        note.setAttribute("appliesTo", "source");
        note.setAttribute("category", "dragoman:" + n.category());
        note.setAttribute("priority", Integer.toString(XliffWriter.priority(n.severity())));
        note.setTextContent(n.text());
        notes.appendChild(note);
      }
    }
  }

  private static Element child(Element parent, String ns, String name) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static Node firstOf(Element unit, String... names) {
    for (Node c = unit.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && NS2.equals(e.getNamespaceURI())) {
        for (String n : names) {
          if (n.equals(e.getLocalName())) {
            return e;
          }
        }
      }
    }
    return null;
  }
}
