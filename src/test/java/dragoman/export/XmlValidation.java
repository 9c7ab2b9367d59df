package dragoman.export;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.xliff.XLIFFFilter;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Validates against the official TMX 1.4 DTD and OASIS XLIFF 2.1 core schema committed under
 * src/test/resources/dragoman/export/schemas (see PROVENANCE.txt there). Nothing is fetched from
 * the network: the DTD is resolved to the committed copy, and schema imports are relative files.
 * Also XLIFF 1.2 against the OASIS strict schema, and reading back with Okapi's own readers.
 */
public final class XmlValidation {
  private XmlValidation() {}

  /** Every error and warning the validator reported, one line each. */
  public static List<String> tmxErrors(byte[] tmx) throws Exception {
    List<String> errors = new ArrayList<>();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setValidating(true);
    f.setNamespaceAware(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setEntityResolver(
        (publicId, systemId) -> {
          if (systemId != null && systemId.endsWith("tmx14.dtd")) {
            URL dtd = resource("schemas/tmx14b/tmx14.dtd");
            InputSource in = new InputSource(dtd.openStream());
            in.setSystemId(dtd.toString());
            return in;
          }
          throw new IllegalStateException("unexpected external entity " + systemId);
        });
    b.setErrorHandler(collect(errors));
    b.parse(new ByteArrayInputStream(tmx));
    return errors;
  }

  public static List<String> xliffErrors(byte[] xliff) throws Exception {
    List<String> errors = new ArrayList<>();
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Schema schema = sf.newSchema(resource("schemas/xliff21/xliff_core_2.0.xsd"));
    Validator v = schema.newValidator();
    v.setErrorHandler(collect(errors));
    v.validate(new StreamSource(new ByteArrayInputStream(xliff)));
    return errors;
  }

  /** Errors against the OASIS XLIFF 1.2 strict schema (schemas/xliff12, see PROVENANCE.txt). */
  public static List<String> xliff12Errors(byte[] xliff) throws Exception {
    List<String> errors = new ArrayList<>();
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Schema schema = sf.newSchema(resource("schemas/xliff12/xliff-core-1.2-strict.xsd"));
    Validator v = schema.newValidator();
    v.setErrorHandler(collect(errors));
    v.validate(new StreamSource(new ByteArrayInputStream(xliff)));
    return errors;
  }

  /** Trans-units Okapi's XLIFF 1.2 filter reads from the file, failing on anything it cannot. */
  public static int okapiXliff12Units(byte[] xlf) throws Exception {
    int n = 0;
    try (XLIFFFilter f = new XLIFFFilter()) {
      f.open(
          new RawDocument(
              new String(xlf, StandardCharsets.UTF_8),
              LocaleId.fromString("de"),
              LocaleId.fromString("en")));
      while (f.hasNext()) {
        Event e = f.next();
        if (e.isTextUnit()) {
          n++;
        }
      }
    }
    return n;
  }

  /** Units Okapi's XLIFF 2 reader reads with full validation. */
  public static int okapiXliff2Units(Path xlf) throws Exception {
    int n = 0;
    try (XLIFFReader r = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
      r.open(xlf.toFile());
      while (r.hasNext()) {
        if (r.next().isUnit()) {
          n++;
        }
      }
    }
    return n;
  }

  public static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static URL resource(String path) {
    URL url = XmlValidation.class.getResource(path);
    if (url == null) {
      throw new IllegalStateException("test resource missing: dragoman/export/" + path);
    }
    return url;
  }

  private static ErrorHandler collect(List<String> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        errors.add("warning line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        errors.add("error line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        errors.add("fatal line " + e.getLineNumber() + ": " + e.getMessage());
      }
    };
  }
}
