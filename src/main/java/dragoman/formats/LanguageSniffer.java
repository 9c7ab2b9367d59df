package dragoman.formats;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The languages a bilingual file declares, read before the Okapi filter runs so that a file whose
 * source is not German is refused in one line instead of being translated as if it were: XLIFF 1.2
 * {@code <file source-language target-language>}, XLIFF 2 {@code <xliff srcLang trgLang>}, TMX
 * {@code <header srclang>} ({@code *all*} declares none).
 */
final class LanguageSniffer {
  /** Declared languages; null where the file declares none. */
  record Declared(String source, String target) {}

  private static final XMLInputFactory FACTORY = newFactory();

  private LanguageSniffer() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  static Declared declared(FileFormat format, byte[] bytes) {
    String element;
    String sourceAttr;
    String targetAttr;
    switch (format) {
      case xliff12 -> {
        element = "file";
        sourceAttr = "source-language";
        targetAttr = "target-language";
      }
      case xliff2 -> {
        element = "xliff";
        sourceAttr = "srcLang";
        targetAttr = "trgLang";
      }
      case tmx -> {
        element = "header";
        sourceAttr = "srclang";
        targetAttr = null;
      }
      default -> {
        return new Declared(null, null);
      }
    }
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
            String s = r.getAttributeValue(null, sourceAttr);
            String t = targetAttr == null ? null : r.getAttributeValue(null, targetAttr);
            if ("*all*".equalsIgnoreCase(s)) {
              s = null;
            }
            return new Declared(blankToNull(s), blankToNull(t));
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      // Not well-formed: the filter itself reports it, with its position.
    }
    return new Declared(null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
