package dragoman.formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Okapi's TMX writer drops the document type declaration; TMX 1.4b names its DTD ({@code <!DOCTYPE
 * tmx SYSTEM "tmx14.dtd">}) and validating tools expect it, so it is put back.
 */
final class TmxDoctype {
  static final String SYSTEM_ID = "tmx14.dtd";

  private TmxDoctype() {}

  static byte[] ensure(byte[] tmx) throws IOException {
    String head = new String(tmx, 0, Math.min(tmx.length, 1024), StandardCharsets.UTF_8);
    if (head.contains("<!DOCTYPE")) {
      return tmx;
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(tmx));
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, SYSTEM_ID);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (SAXException | ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot add the TMX document type: " + e.getMessage(), e);
    }
  }
}
