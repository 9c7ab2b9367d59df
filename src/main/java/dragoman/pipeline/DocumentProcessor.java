package dragoman.pipeline;

import dragoman.align.Bead;
import dragoman.align.SegmentAlignment;
import dragoman.export.ExportDocument;
import dragoman.export.SegmentRecord;
import dragoman.formats.FileFormat;
import dragoman.formats.OkapiDocument;
import dragoman.mt.Translation;
import dragoman.mt.TranslationInfo;
import dragoman.review.SegmentReview;
import dragoman.text.BadInputException;
import dragoman.text.Document;
import dragoman.text.DocumentReader;
import dragoman.text.InputSource;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the stages over one document: segment (already done by the reader), review, translate, align
 * with the English counterpart when there is one, giving one record per German segment.
 */
public final class DocumentProcessor {
  /** The English counterpart of a document, already read. */
  public record Counterpart(String name, byte[] bytes) {}

  private final Stages stages;

  public DocumentProcessor(Stages stages) {
    this.stages = stages;
  }

  /**
   * @param source the German input
   * @param german the input read and segmented
   * @param counterpart the English counterpart, or null
   */
  public ExportDocument process(
      InputSource source, DocumentReader.Result german, Counterpart counterpart)
      throws BadInputException {
    Document doc = german.document();
    List<Segment> segments = doc.segments();
    List<SegmentRecord> records = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      records.add(SegmentRecord.of(s));
    }
    List<String> de = segments.stream().map(Segment::text).toList();

    if (stages.review().isPresent()) {
      List<SegmentReview> reviews = stages.review().get().review(doc);
      check(reviews.size(), records.size(), "review", source);
      for (int i = 0; i < records.size(); i++) {
        records.set(i, records.get(i).withReview(reviews.get(i)));
      }
    }

    List<String> ours = null;
    if (stages.translation().isPresent() && !de.isEmpty()) {
      TranslationStage t = stages.translation().get();
      List<Translation> translations = t.translate(de);
      check(translations.size(), records.size(), "translation", source);
      ours = translations.stream().map(Translation::text).toList();
      for (int i = 0; i < records.size(); i++) {
        Translation tr = translations.get(i);
        records.set(
            i, records.get(i).withEnglish(tr.text(), TranslationInfo.of(tr, t.modelName())));
      }
    }

    if (counterpart != null && stages.alignment().isPresent()) {
      InputSource en = new InputSource(source.docId() + ".en", Path.of(counterpart.name()));
      List<String> english =
          new DocumentReader(Language.ENGLISH)
              .read(en, counterpart.bytes()).document().segments().stream()
                  .map(Segment::text)
                  .toList();
      List<Bead> beads = stages.alignment().get().align(de, english, ours);
      applyBeads(records, beads, english, en);
    }
    return new ExportDocument(doc.id(), doc.id(), records);
  }

  /**
   * Gives each German record its bead and the English sentences of that bead, which replace our
   * translation as the record's English (SegmentRecord: "our translation, or the aligned target").
   */
  static void applyBeads(
      List<SegmentRecord> records, List<Bead> beads, List<String> english, InputSource where)
      throws BadInputException {
    for (int k = 0; k < beads.size(); k++) {
      Bead b = beads.get(k);
      StringBuilder en = new StringBuilder();
      for (int t : b.target()) {
        if (t < 0 || t >= english.size()) {
          throw new BadInputException(
              where.displayName(), "aligner linked a missing sentence " + t);
        }
        if (en.length() > 0) {
          en.append(' ');
        }
        en.append(english.get(t));
      }
      SegmentAlignment a = new SegmentAlignment(k, b.source(), b.target(), b.cost());
      for (int s : b.source()) {
        if (s < 0 || s >= records.size()) {
          throw new BadInputException(
              where.displayName(), "aligner linked a missing sentence " + s);
        }
        SegmentRecord r = records.get(s).withAlign(a);
        records.set(s, b.target().isEmpty() ? r : r.withEnglish(en.toString(), null));
      }
    }
  }

  /** A translator's file processed: its records, and the file written back in its own format. */
  public record FileResult(ExportDocument doc, byte[] file) {}

  /**
   * Runs the stages over a translator's file (XLIFF, TMX, HTML, DOCX, ...): review of its German
   * segments, translation with the inline codes as placeholders, and the file written back with
   * English targets (and, for XLIFF, states and notes). No alignment: a file has no counterpart.
   */
  public FileResult processFile(InputSource source, FileFormat format, byte[] bytes)
      throws BadInputException, IOException {
    try (OkapiDocument file =
        OkapiDocument.read(source.docId(), source.displayName(), bytes, format)) {
      Document doc = file.document();
      if (stages.review().isPresent()) {
        List<SegmentReview> reviews = stages.review().get().review(doc);
        check(reviews.size(), file.size(), "review", source);
        file.reviews(reviews);
      }
      if (stages.translation().isPresent()) {
        List<String> input = file.toTranslate();
        if (!input.isEmpty()) {
          TranslationStage t = stages.translation().get();
          List<Translation> english = t.translate(input);
          check(english.size(), input.size(), "translation", source);
          file.fill(english, t.modelName());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      file.write(out);
      return new FileResult(
          new ExportDocument(doc.id(), doc.id(), file.records()), out.toByteArray());
    }
  }

  private static void check(int got, int want, String stage, InputSource source) {
    if (got != want) {
      throw new IllegalStateException(
          stage + " gave " + got + " results for " + want + " segments of " + source.displayName());
    }
  }
}
