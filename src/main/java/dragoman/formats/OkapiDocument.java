package dragoman.formats;

import dragoman.export.FindingText;
import dragoman.export.SegmentRecord;
import dragoman.mt.Translation;
import dragoman.mt.TranslationInfo;
import dragoman.review.Finding;
import dragoman.review.SegmentReview;
import dragoman.review.Severity;
import dragoman.text.BadInputException;
import dragoman.text.Document;
import dragoman.text.Language;
import dragoman.text.Paragraph;
import dragoman.text.Segment;
import dragoman.text.SentenceSplitter;
import dragoman.text.Span;
import dragoman.text.SrxSentenceSplitter;
import dragoman.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.EventType;
import net.sf.okapi.common.IResource;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.Range;
import net.sf.okapi.common.filters.IFilter;
import net.sf.okapi.common.filterwriter.IFilterWriter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.MultiEvent;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;

/**
 * A translator's file read through its Okapi filter: the German segments of its source side, and
 * the same file written back with English targets, inline codes in place, and (for XLIFF) the
 * review's states and notes. Everything the run does not touch (skeleton, untranslatable units,
 * units that already have a target) is written back as the filter read it.
 *
 * <p>Monolingual formats (HTML, DOCX, ODT, Markdown) are split into sentences with Dragoman's own
 * splitter, so segments match {@code dragoman segment}; bilingual ones keep the tool's
 * segmentation. The German text of a segment, for review and the JSONL records, is its source
 * without inline codes; the text the model sees has the inner codes as placeholders ({@link
 * InlineCodes}).
 *
 * <p>Not thread-safe; close it to release the filter (a DOCX keeps its zip open until then).
 */
public final class OkapiDocument implements AutoCloseable {
  /** Detector id of the finding a segment gets when its codes could not all be placed. */
  public static final String CODES_DETECTOR = "inline-codes";

  private static final LocaleId ENGLISH = LocaleId.fromString("en");
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  /** One segment with text: where it lives in its text unit, and what was done with it. */
  private static final class Slot {
    final ITextUnit unit;
    final String segmentId;
    final InlineCodes.Masked masked;
    final boolean hasTarget;
    String english;
    String englishPlain;
    TranslationInfo info;
    SegmentReview review;
    int unplaced;

    Slot(ITextUnit unit, String segmentId, InlineCodes.Masked masked, boolean hasTarget) {
      this.unit = unit;
      this.segmentId = segmentId;
      this.masked = masked;
      this.hasTarget = hasTarget;
    }
  }

  private final FileFormat format;
  private final String name;
  private final IFilter filter;
  private final List<Event> events;
  private final LocaleId source;
  private final LocaleId target;
  private final List<Slot> slots;
  private final Document document;
  private final Set<String> withoutTarget;
  private Path zipCopy;

  private OkapiDocument(
      FileFormat format,
      String name,
      IFilter filter,
      List<Event> events,
      LocaleId source,
      LocaleId target,
      List<Slot> slots,
      Document document,
      Set<String> withoutTarget) {
    this.format = format;
    this.name = name;
    this.filter = filter;
    this.events = events;
    this.source = source;
    this.target = target;
    this.slots = slots;
    this.document = document;
    this.withoutTarget = withoutTarget;
  }

  /**
   * Reads a file.
   *
   * @param docId the document id used in segment ids
   * @param name what messages call the file (its path)
   * @throws BadInputException one line naming the file: not a zip, not well-formed XML, no German
   *     source language, ...
   */
  public static OkapiDocument read(String docId, String name, byte[] bytes, FileFormat format)
      throws BadInputException {
    LanguagePair langs = LanguagePair.of(format, name, bytes);
    if ((format == FileFormat.docx || format == FileFormat.odt)
        && !(bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K')) {
      throw new BadInputException(
          name, "not a " + format.defaultExtension().toUpperCase() + " file (not a zip archive)");
    }
    IFilter filter = format.newFilter();
    List<Event> events = new ArrayList<>();
    Path zipCopy = null;
    try {
      RawDocument raw;
      if (format == FileFormat.docx || format == FileFormat.odt) {
        // The zip filters read the archive again when writing; from a stream they would have
        // copied it to a temporary file and deleted that once read, so give them a file to keep.
        zipCopy = Files.createTempFile("dragoman-", "." + format.defaultExtension());
        Files.write(zipCopy, bytes);
        raw = new RawDocument(zipCopy.toUri(), "UTF-8", langs.source(), langs.target());
      } else {
        raw =
            new RawDocument(
                new ByteArrayInputStream(bytes), "UTF-8", langs.source(), langs.target());
      }
      filter.open(raw);
      while (filter.hasNext()) {
        events.add(filter.next());
      }
    } catch (IOException e) {
      filter.close();
      deleteQuietly(zipCopy);
      throw new BadInputException(name, "cannot copy to a temporary file: " + e.getMessage());
    } catch (RuntimeException e) {
      filter.close();
      deleteQuietly(zipCopy);
      throw new BadInputException(name, "cannot read as " + format + ": " + firstLine(e));
    }
    SentenceSplitter splitter =
        format.bilingual() ? null : new SrxSentenceSplitter(Language.GERMAN);
    List<Slot> slots = new ArrayList<>();
    List<List<Slot>> units = new ArrayList<>();
    Set<String> withoutTarget = new HashSet<>();
    for (ITextUnit tu : textUnits(events)) {
      if (!tu.hasTarget(langs.target())) {
        withoutTarget.add(tu.getId());
      }
      if (!tu.isTranslatable()) {
        continue;
      }
      TextContainer source = tu.getSource();
      if (splitter != null && !source.hasBeenSegmented() && source.count() == 1) {
        segment(source, splitter);
      }
      TextContainer existing = tu.getTarget(langs.target());
      boolean hasTarget = existing != null && !existing.isEmpty();
      List<Slot> unit = new ArrayList<>();
      for (net.sf.okapi.common.resource.Segment seg : source.getSegments()) {
        InlineCodes.Masked m = InlineCodes.mask(seg.text);
        if (!m.isEmpty()) {
          unit.add(new Slot(tu, seg.id, m, hasTarget));
        }
      }
      if (!unit.isEmpty()) {
        units.add(unit);
        slots.addAll(unit);
      }
    }
    Document doc = document(docId, units);
    OkapiDocument d =
        new OkapiDocument(
            format,
            name,
            filter,
            events,
            langs.source(),
            langs.target(),
            slots,
            doc,
            withoutTarget);
    d.zipCopy = zipCopy;
    return d;
  }

  /** Every text unit in the events, those inside multi-events included, in reading order. */
  private static List<ITextUnit> textUnits(List<Event> events) {
    List<ITextUnit> out = new ArrayList<>();
    for (Event e : events) {
      if (e.isTextUnit()) {
        out.add(e.getTextUnit());
      } else if (e.isMultiEvent()) {
        for (Event inner : (MultiEvent) e.getResource()) {
          if (inner.isTextUnit()) {
            out.add(inner.getTextUnit());
          }
        }
      }
    }
    return out;
  }

  /**
   * Splits an unsegmented source into sentences with our splitter, run on the text without codes. A
   * sentence takes the opening and isolated codes just before it and the closing codes just after
   * it, so bold around a sentence stays with it; other codes between sentences stay between them.
   */
  static void segment(TextContainer source, SentenceSplitter splitter) {
    TextFragment content = source.getFirstContent();
    String coded = content.getCodedText();
    StringBuilder plain = new StringBuilder();
    List<Integer> codedAt = new ArrayList<>();
    for (int i = 0; i < coded.length(); i++) {
      char ch = coded.charAt(i);
      if (TextFragment.isMarker(ch)) {
        // A line break (<br>, a DOCX break) parts the words on either side as a space would;
        // dropped, "hier.<br>Danke." would read as one token and stay one sentence.
        if (ch == TextFragment.MARKER_ISOLATED
            && isLineBreak(content.getCode(TextFragment.toIndex(coded.charAt(i + 1))))
            && !plain.isEmpty()
            && !Character.isWhitespace(plain.charAt(plain.length() - 1))) {
          plain.append(' ');
          codedAt.add(i);
        }
        i++;
        continue;
      }
      plain.append(ch);
      codedAt.add(i);
    }
    if (plain.isEmpty()) {
      return;
    }
    List<Span> spans = splitter.split(plain.toString(), 0, plain.length());
    if (spans.size() < 2) {
      return;
    }
    List<Range> ranges = new ArrayList<>();
    for (Span s : spans) {
      int start = codedAt.get(s.start());
      while (start >= 2
          && TextFragment.isMarker(coded.charAt(start - 2))
          && coded.charAt(start - 2) != TextFragment.MARKER_CLOSING) {
        start -= 2;
      }
      int end = codedAt.get(s.end() - 1) + 1;
      while (end + 1 < coded.length() && coded.charAt(end) == TextFragment.MARKER_CLOSING) {
        end += 2;
      }
      ranges.add(new Range(start, end));
    }
    source.getSegments().create(ranges);
  }

  private static boolean isLineBreak(Code code) {
    return Code.TYPE_LB.equals(code.getType())
        || code.getData().regionMatches(true, 0, "<br", 0, 3);
  }

  /**
   * The segments as a plain-text document: one paragraph per text unit, sentences joined by a
   * space, paragraphs by a newline, so offsets and ids work as for a {@code .txt} input.
   */
  private static Document document(String docId, List<List<Slot>> units) {
    StringBuilder text = new StringBuilder();
    List<Paragraph> paragraphs = new ArrayList<>();
    for (int p = 0; p < units.size(); p++) {
      if (p > 0) {
        text.append('\n');
      }
      int pStart = text.length();
      List<Segment> segs = new ArrayList<>();
      List<Slot> unit = units.get(p);
      for (int s = 0; s < unit.size(); s++) {
        if (s > 0) {
          text.append(' ');
        }
        // Review and the records see one line of text, as for a .txt paragraph.
        String de = NORMALIZER.normalize(unit.get(s).masked.plain()).replaceAll("\\s+", " ");
        int start = text.length();
        text.append(de);
        segs.add(new Segment(Segment.idOf(docId, p, s), docId, p, s, start, text.length(), de));
      }
      paragraphs.add(new Paragraph(p, pStart, text.length(), segs));
    }
    return new Document(docId, text.toString(), paragraphs);
  }

  public FileFormat format() {
    return format;
  }

  /** The German segments, for review; {@code segments().get(i)} is segment i of this file. */
  public Document document() {
    return document;
  }

  public int size() {
    return slots.size();
  }

  /**
   * Whether segment i is to be translated: it has no target yet (a unit the translator already
   * translated is left as it is).
   */
  public boolean needsTranslation(int i) {
    return !slots.get(i).hasTarget;
  }

  /** What the model translates for segment i: the German with its inner codes as placeholders. */
  public String translationInput(int i) {
    return slots.get(i).masked.placeholders();
  }

  /** The placeholders of segment i's inner codes, in order (for tests and diagnostics). */
  public List<String> placeholders(int i) {
    return List.copyOf(slots.get(i).masked.tokens().keySet());
  }

  /**
   * Sets segment i's English: the model's output for {@link #translationInput(int)}, placeholders
   * and all; the codes are put back (those it lost at the end, with a finding).
   */
  public void translate(int i, String english, TranslationInfo info) {
    Slot s = slots.get(i);
    InlineCodes.Restored r = InlineCodes.restore(s.masked, english);
    s.english = r.coded();
    s.unplaced = r.unplaced();
    s.info = info;
    s.englishPlain = NORMALIZER.normalize(TextFragment.getText(r.coded())).strip();
  }

  /** What the model translates: {@link #translationInput(int)} of each segment that needs it. */
  public List<String> toTranslate() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (needsTranslation(i)) {
        out.add(translationInput(i));
      }
    }
    return out;
  }

  /**
   * Sets the translations of {@link #toTranslate()}, in its order.
   *
   * @param model the model's name, for the records
   */
  public void fill(List<Translation> translations, String model) {
    int k = 0;
    for (int i = 0; i < slots.size(); i++) {
      if (needsTranslation(i)) {
        if (k >= translations.size()) {
          throw new IllegalArgumentException(
              translations.size() + " translations for " + toTranslate().size() + " segments");
        }
        Translation t = translations.get(k++);
        translate(i, t.text(), TranslationInfo.of(t, model));
      }
    }
    if (k != translations.size()) {
      throw new IllegalArgumentException(
          translations.size() + " translations for " + k + " segments");
    }
  }

  /** Sets each segment's review, in segment order (as the reviewer returns them). */
  public void reviews(List<SegmentReview> reviews) {
    if (reviews.size() != slots.size()) {
      throw new IllegalArgumentException(
          reviews.size() + " reviews for " + slots.size() + " segments");
    }
    for (int i = 0; i < reviews.size(); i++) {
      review(i, reviews.get(i));
    }
  }

  /** Sets segment i's review. */
  public void review(int i, SegmentReview review) {
    slots.get(i).review = review;
  }

  /** How many inner codes segment i's translation could not place (0 when untranslated). */
  public int unplacedCodes(int i) {
    return slots.get(i).unplaced;
  }

  /**
   * Segment i's review with the inline-code finding added when its codes could not all be placed
   * (which flags it: a person must move them); null when neither review nor finding.
   */
  public SegmentReview reviewWithCodes(int i) {
    Slot s = slots.get(i);
    if (s.unplaced == 0) {
      return s.review;
    }
    Segment seg = document.segments().get(i);
    Finding f =
        new Finding(
            CODES_DETECTOR,
            "code-moved-to-end",
            seg.start(),
            seg.end(),
            s.unplaced
                + (s.unplaced == 1 ? " inline code" : " inline codes")
                + " (formatting, links) could not be placed in the translation and were put at"
                + " the end of the sentence; move them where they belong",
            null,
            Severity.MINOR);
    List<Finding> all = new ArrayList<>();
    if (s.review != null) {
      all.addAll(s.review.findings());
    }
    all.add(f);
    all.sort(java.util.Comparator.comparingInt(Finding::start));
    double score = s.review == null ? 1.0 : s.review.score();
    String kind = s.review == null ? SegmentReview.PROSE : s.review.kind();
    return new SegmentReview(score, true, kind, all);
  }

  /** The JSONL record of segment i: German and English without codes, review, translation. */
  public SegmentRecord record(int i) {
    Slot s = slots.get(i);
    return SegmentRecord.of(document.segments().get(i))
        .withEnglish(s.englishPlain, s.info)
        .withReview(reviewWithCodes(i));
  }

  public List<SegmentRecord> records() {
    List<SegmentRecord> out = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      out.add(record(i));
    }
    return out;
  }

  /**
   * Writes the file back in its own format: targets of translated segments filled (a unit's other
   * segments, e.g. only codes, get their source copied), everything else as read. XLIFF also gets
   * each translated or reviewed unit's state and its findings as notes ({@link XliffReviewMarks}).
   */
  public void write(OutputStream out) throws IOException {
    Map<ITextUnit, List<Slot>> byUnit = new LinkedHashMap<>();
    for (Slot s : slots) {
      byUnit.computeIfAbsent(s.unit, k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<ITextUnit, List<Slot>> e : byUnit.entrySet()) {
      List<Slot> translated = e.getValue().stream().filter(s -> s.english != null).toList();
      if (translated.isEmpty()) {
        continue;
      }
      ITextUnit tu = e.getKey();
      TextContainer tc = tu.createTarget(target, true, IResource.COPY_ALL);
      for (Slot s : translated) {
        net.sf.okapi.common.resource.Segment seg = tc.getSegments().get(s.segmentId);
        TextFragment source = tu.getSource().getSegments().get(s.segmentId).text;
        seg.text = new TextFragment(s.english, source.getClonedCodes());
      }
      if (!format.bilingual()) {
        // Monolingual writers (OpenXML among them) write segments only: join them with the text
        // between them (the spaces between sentences) into the one content they expect.
        tc.getSegments().joinAll();
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (format == FileFormat.odt) {
      writeWhileRereading(bytes);
    } else {
      try (IFilterWriter writer = filter.createFilterWriter()) {
        writer.setOptions(target, "UTF-8");
        writer.setOutput(bytes);
        for (Event e : events) {
          writer.handleEvent(e);
        }
      } catch (RuntimeException e) {
        throw new IOException("cannot write " + name + " as " + format + ": " + firstLine(e), e);
      }
    }
    byte[] written = bytes.toByteArray();
    if (format == FileFormat.xliff12 || format == FileFormat.xliff2) {
      written = new XliffReviewMarks(format).apply(written, marks(byUnit), withoutTarget);
    } else if (format == FileFormat.tmx) {
      written = TmxDoctype.ensure(written);
    }
    out.write(written);
  }

  /**
   * ODF's filter closes the archive once it has read it, and its writer needs it open: the file is
   * read a second time and written as it is read, each text unit replaced by ours (same input, same
   * filter, so the same ids in the same order).
   */
  private void writeWhileRereading(OutputStream out) throws IOException {
    Map<String, ITextUnit> ours = new LinkedHashMap<>();
    for (ITextUnit tu : textUnits(events)) {
      ours.put(tu.getId(), tu);
    }
    try (IFilter again = format.newFilter();
        IFilterWriter writer = again.createFilterWriter()) {
      again.open(new RawDocument(zipCopy.toUri(), "UTF-8", source, target));
      writer.setOptions(target, "UTF-8");
      writer.setOutput(out);
      while (again.hasNext()) {
        Event e = again.next();
        if (e.isTextUnit() && ours.containsKey(e.getTextUnit().getId())) {
          e = new Event(EventType.TEXT_UNIT, ours.get(e.getTextUnit().getId()));
        }
        writer.handleEvent(e);
      }
    } catch (RuntimeException e) {
      throw new IOException("cannot write " + name + " as " + format + ": " + firstLine(e), e);
    }
  }

  /** Per unit id: whether it was translated, whether flagged, and the notes to add. */
  private Map<String, XliffReviewMarks.UnitMark> marks(Map<ITextUnit, List<Slot>> byUnit) {
    Map<String, XliffReviewMarks.UnitMark> out = new LinkedHashMap<>();
    int i = 0;
    Map<Slot, Integer> index = new java.util.IdentityHashMap<>();
    for (Slot s : slots) {
      index.put(s, i++);
    }
    for (Map.Entry<ITextUnit, List<Slot>> e : byUnit.entrySet()) {
      boolean translated = false;
      boolean flagged = false;
      List<XliffReviewMarks.Note> notes = new ArrayList<>();
      for (Slot s : e.getValue()) {
        int k = index.get(s);
        translated |= s.english != null;
        SegmentReview r = reviewWithCodes(k);
        if (r == null) {
          continue;
        }
        flagged |= r.flag();
        SegmentRecord rec = record(k);
        for (Finding f : r.findings()) {
          notes.add(
              new XliffReviewMarks.Note(f.severity(), f.detector(), FindingText.describe(f, rec)));
        }
      }
      if (translated || flagged || !notes.isEmpty()) {
        out.put(e.getKey().getId(), new XliffReviewMarks.UnitMark(translated, flagged, notes));
      }
    }
    return out;
  }

  private static String firstLine(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse("").strip();
  }

  @Override
  public void close() {
    filter.close();
    deleteQuietly(zipCopy);
    zipCopy = null;
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A temporary file left in the temp folder is harmless.
    }
  }

  /** Languages of the file: its German source variant and its English target. */
  record LanguagePair(LocaleId source, LocaleId target) {
    static LanguagePair of(FileFormat format, String name, byte[] bytes) throws BadInputException {
      LanguageSniffer.Declared d = LanguageSniffer.declared(format, bytes);
      LocaleId source = LocaleId.fromString("de");
      LocaleId target = ENGLISH;
      if (d.source() != null) {
        if (!d.source().toLowerCase().startsWith("de")) {
          throw new BadInputException(
              name,
              "source language is "
                  + d.source()
                  + ", not German; Dragoman translates from German (de, de-DE, ...)");
        }
        source = LocaleId.fromString(d.source());
      }
      if (d.target() != null) {
        if (!d.target().toLowerCase().startsWith("en")) {
          throw new BadInputException(
              name, "target language is " + d.target() + "; Dragoman translates into English");
        }
        target = LocaleId.fromString(d.target());
      }
      return new LanguagePair(source, target);
    }
  }
}
