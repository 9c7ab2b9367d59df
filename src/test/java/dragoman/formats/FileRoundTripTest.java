package dragoman.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.export.XmlValidation;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import dragoman.mt.marian.MarianTranslator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each format read, translated with the fixture model and written back; the written file is read
 * again by Okapi's own reader (and validated where a schema exists), and no inline code is lost.
 * The fixture model's English is nonsense, so most codes end up at the end of their sentence: that
 * is the path that must never lose one.
 */
class FileRoundTripTest {
  static final Path MODEL = Path.of("src/test/resources/models/tiny-marian");
  static final Path DIR = OfficeFixtures.RESOURCES;
  static final LocaleId DE = LocaleId.fromString("de");
  static final LocaleId EN = LocaleId.fromString("en");

  private static MarianTranslator translator;

  @BeforeAll
  static void open() throws Exception {
    translator = MarianTranslator.open(MODEL, GenerationOptions.defaults().withNumBeams(1));
  }

  @AfterAll
  static void close() {
    translator.close();
  }

  /** The file translated: what was read, and the bytes written back. */
  record Trip(int segments, int translated, List<String> placeholderInputs, byte[] out) {}

  static Trip translate(byte[] in, FileFormat format) throws Exception {
    try (OkapiDocument doc = OkapiDocument.read("t", "t." + format, in, format)) {
      List<String> input = doc.toTranslate();
      List<Translation> english = translator.translate(input);
      doc.fill(english, translator.modelName());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return new Trip(doc.size(), input.size(), input, out.toByteArray());
    }
  }

  /** The translatable text units Okapi reads from a file (its filter, default parameters). */
  static List<ITextUnit> units(byte[] bytes, FileFormat format, LocaleId source, LocaleId target)
      throws Exception {
    Path file = Files.createTempFile("roundtrip-", "." + format.defaultExtension());
    Files.write(file, bytes);
    List<ITextUnit> out = new ArrayList<>();
    try (IFilter f = format.newFilter()) {
      f.open(new RawDocument(file.toUri(), "UTF-8", source, target));
      while (f.hasNext()) {
        Event e = f.next();
        if (e.isTextUnit() && e.getTextUnit().isTranslatable()) {
          out.add(e.getTextUnit());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return out;
  }

  /** Each code's original data and how often it occurs: two containers lose none if equal. */
  static Map<String, Integer> codes(TextContainer c) {
    Map<String, Integer> out = new TreeMap<>();
    for (Code code : c.getUnSegmentedContentCopy().getCodes()) {
      out.merge(code.getTagType() + ":" + code.getData(), 1, Integer::sum);
    }
    return out;
  }

  static byte[] read(String name) throws Exception {
    return Files.readAllBytes(DIR.resolve(name));
  }

  /** Bilingual files: every unit translated has a target with exactly the source's codes. */
  static void assertTargetsKeepCodes(byte[] out, FileFormat format, LocaleId src, LocaleId trg)
      throws Exception {
    for (ITextUnit tu : units(out, format, src, trg)) {
      TextContainer target = tu.getTarget(trg);
      assertThat(target).as("target of unit " + tu.getId()).isNotNull();
      assertThat(codes(target)).as("codes of unit " + tu.getId()).isEqualTo(codes(tu.getSource()));
    }
  }

  @Test
  void xliff12ComesBackValidWithTargetsStatesAndUntouchedUnitsAsTheyWere() throws Exception {
    byte[] in = read("sample.xlf");
    Trip trip = translate(in, FileFormat.xliff12);
    // Units 1-3 need translation; 4 is translate="no", 5 already has a final target.
    assertThat(trip.segments()).isEqualTo(4);
    assertThat(trip.translated()).isEqualTo(3);
    assertThat(trip.placeholderInputs())
        .containsExactly(
            "Der Vertrag wurde am Montag unterzeichnet.",
            "Das ist <g1>sehr wichtig</g1> für uns.",
            "Erste Zeile<x1/>zweite Zeile.");
    assertThat(XmlValidation.xliff12Errors(trip.out())).isEmpty();

    LocaleId de = LocaleId.fromString("de-DE");
    LocaleId en = LocaleId.fromString("en-US");
    List<ITextUnit> units = units(trip.out(), FileFormat.xliff12, de, en);
    assertThat(units).extracting(ITextUnit::getId).containsExactly("1", "2", "3", "5");
    assertThat(units).allSatisfy(tu -> assertThat(tu.hasTarget(en)).isTrue());
    assertTargetsKeepCodes(trip.out(), FileFormat.xliff12, de, en);

    org.w3c.dom.Document dom = XmlValidation.parse(trip.out());
    NodeList tus = dom.getElementsByTagNameNS(XliffReviewMarks.NS12, "trans-unit");
    assertThat(tus.getLength()).isEqualTo(5);
    for (int i = 0; i < 3; i++) {
      Element target = target12((Element) tus.item(i));
      assertThat(target.getAttribute("state")).isIn("translated", "needs-review-translation");
      assertThat(target.getAttribute("state-qualifier")).isEqualTo("mt-suggestion");
    }
    assertThat(target12((Element) tus.item(3))).as("translate=no gets no target").isNull();
    Element done = target12((Element) tus.item(4));
    assertThat(done.getAttribute("state")).isEqualTo("final");
    assertThat(done.getTextContent()).isEqualTo("Good morning.");
  }

  static Element target12(Element unit) {
    NodeList t = unit.getElementsByTagNameNS(XliffReviewMarks.NS12, "target");
    return t.getLength() == 0 ? null : (Element) t.item(0);
  }

  @Test
  void xliff2ComesBackValidForOkapisValidatingReaderAndTheSchema() throws Exception {
    Trip trip = translate(read("sample2.xlf"), FileFormat.xliff2);
    assertThat(trip.segments()).isEqualTo(3);
    assertThat(trip.translated()).isEqualTo(3);
    assertThat(XmlValidation.xliffErrors(trip.out())).isEmpty();
    int targets = 0;
    try (XLIFFReader r = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
      r.open(new ByteArrayInputStream(trip.out()));
      while (r.hasNext()) {
        var e = r.next();
        if (e.isUnit()) {
          for (var part : e.getUnit()) {
            if (part.isSegment() && part.getTarget() != null) {
              targets++;
              assertThat(part.getTarget().getOwnTags().size())
                  .as("codes of " + e.getUnit().getId())
                  .isEqualTo(part.getSource().getOwnTags().size());
            }
          }
        }
      }
    }
    assertThat(targets).isEqualTo(3);
    org.w3c.dom.Document dom = XmlValidation.parse(trip.out());
    NodeList segs = dom.getElementsByTagNameNS(XliffReviewMarks.NS2, "segment");
    for (int i = 0; i < segs.getLength(); i++) {
      Element s = (Element) segs.item(i);
      assertThat(s.getAttribute("state")).isIn("translated", "initial");
    }
  }

  @Test
  void tmxComesBackValidAgainstTheDtdWithEnglishBesideEachGermanSegment() throws Exception {
    Trip trip = translate(read("sample.tmx"), FileFormat.tmx);
    // The third tu already has English and is left as it is.
    assertThat(trip.segments()).isEqualTo(3);
    assertThat(trip.translated()).isEqualTo(2);
    assertThat(XmlValidation.tmxErrors(trip.out())).isEmpty();
    List<ITextUnit> units = units(trip.out(), FileFormat.tmx, DE, EN);
    assertThat(units).hasSize(3);
    assertTargetsKeepCodes(trip.out(), FileFormat.tmx, DE, EN);
    assertThat(units.get(2).getTarget(EN).toString()).isEqualTo("Good morning.");
  }

  @Test
  void poComesBackWithEveryMsgstrFilledAndItsPrintfCodeKept() throws Exception {
    Trip trip = translate(read("sample.po"), FileFormat.po);
    assertThat(trip.translated()).isEqualTo(2);
    assertTargetsKeepCodes(trip.out(), FileFormat.po, DE, EN);
    assertThat(new String(trip.out(), "UTF-8")).contains("%s").doesNotContain("msgstr \"\"\n\n");
  }

  /** Monolingual files: the same text units come back, each with the codes it had. */
  static void assertSameUnitsAndCodes(byte[] in, byte[] out, FileFormat format) throws Exception {
    List<ITextUnit> before = units(in, format, DE, EN);
    List<ITextUnit> after = units(out, format, EN, DE);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(codes(after.get(i).getSource()))
          .as("codes of text unit " + i + ": " + before.get(i).getSource())
          .isEqualTo(codes(before.get(i).getSource()));
    }
  }

  @Test
  void htmlComesBackWithItsTagsAndScriptsAndTheSentencesOfOurSplitter() throws Exception {
    byte[] in = read("page.html");
    Trip trip = translate(in, FileFormat.html);
    // title, h1, two sentences of the first paragraph, two of the second (split at <br>).
    assertThat(trip.segments()).isEqualTo(6);
    assertThat(trip.placeholderInputs())
        .contains(
            "Das ist <g1>sehr wichtig</g1> für uns.", "Lesen Sie <g1>den ganzen Text</g1> hier.");
    String html = new String(trip.out(), "UTF-8");
    assertThat(html)
        .contains("<script>var untouched = \"Nicht übersetzen\";</script>")
        .contains("<a href=\"https://example.org/vertrag\">")
        .doesNotContain("unterzeichnet");
    assertSameUnitsAndCodes(in, trip.out(), FileFormat.html);
  }

  @Test
  void markdownComesBackWithItsLinkAndCodeBlockUntouched() throws Exception {
    byte[] in = read("sample.md");
    Trip trip = translate(in, FileFormat.markdown);
    assertThat(trip.placeholderInputs()).noneMatch(s -> s.contains("code bleibt"));
    String md = new String(trip.out(), "UTF-8");
    assertThat(md).contains("(https://example.org/vertrag)").contains("```\ncode bleibt\n```");
    assertSameUnitsAndCodes(in, trip.out(), FileFormat.markdown);
  }

  @Test
  void docxComesBackAsADocxWithItsBoldRun() throws Exception {
    byte[] in = OfficeFixtures.docx();
    Trip trip = translate(in, FileFormat.docx);
    assertThat(trip.segments()).isEqualTo(4);
    assertThat(trip.placeholderInputs()).contains("Das ist <g1>sehr wichtig</g1> für uns.");
    assertThat(trip.out()[0]).isEqualTo((byte) 'P');
    assertSameUnitsAndCodes(in, trip.out(), FileFormat.docx);
  }

  @Test
  void odtComesBackAsAnOdtWithItsBoldSpan() throws Exception {
    byte[] in = OfficeFixtures.odt();
    Trip trip = translate(in, FileFormat.odt);
    assertThat(trip.segments()).isEqualTo(3);
    assertThat(trip.placeholderInputs()).contains("Das ist <g1>sehr wichtig</g1> für uns.");
    assertSameUnitsAndCodes(in, trip.out(), FileFormat.odt);
  }

  @Test
  void segmentsOfAMonolingualFileAreThoseOfOurSplitter() throws Exception {
    try (OkapiDocument doc =
        OkapiDocument.read("page", "page.html", read("page.html"), FileFormat.html)) {
      List<String> sentences =
          doc.document().segments().stream().map(dragoman.text.Segment::text).toList();
      assertThat(sentences)
          .containsExactly(
              "Der Vertrag",
              "Der Vertrag",
              "Der Vertrag wurde am Montag unterzeichnet.",
              "Das ist sehr wichtig für uns.",
              "Lesen Sie den ganzen Text hier.",
              "Danke.");
      assertThat(doc.document().segments().get(3).id()).isEqualTo("page#p2.s1");
    }
  }
}
