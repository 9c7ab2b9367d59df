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

  /** One document to process: the German input read and segmented, and its counterpart or null. */
  public record Input(InputSource source, DocumentReader.Result german, Counterpart counterpart) {}

  /**
   * @param source the German input
   * @param german the input read and segmented
   * @param counterpart the English counterpart, or null
   */
  public ExportDocument process(
      InputSource source, DocumentReader.Result german, Counterpart counterpart)
      throws BadInputException {
    Input in = new Input(source, german, counterpart);
    List<SegmentRecord> records = reviewed(in);
    return finish(in, records, translate(sentences(in)));
  }

  /**
   * Processes several documents with one translation call for all their sentences, so the
   * translator's length-sorted batches span documents (many short documents then fill batches as
   * one long one does). The records are those {@link #process} gives each document alone, except
   * that {@code mt.logprob} may differ in its last digits: ONNX Runtime's sums depend on the padded
   * width and rows of a batch, and the batches differ.
   *
   * @throws BadInputException for the first input that fails; call {@link #process} on each to tell
   *     which
   */
  public List<ExportDocument> processAll(List<Input> inputs) throws BadInputException {
    List<List<SegmentRecord>> reviewed = new ArrayList<>(inputs.size());
    List<String> all = new ArrayList<>();
    for (Input in : inputs) {
      reviewed.add(reviewed(in));
      all.addAll(sentences(in));
    }
    List<Translation> translations = translate(all);
    List<ExportDocument> out = new ArrayList<>(inputs.size());
    int from = 0;
    for (int d = 0; d < inputs.size(); d++) {
      int n = reviewed.get(d).size();
      out.add(
          finish(
              inputs.get(d),
              reviewed.get(d),
              translations == null ? null : translations.subList(from, from + n)));
      from += n;
    }
    return out;
  }

  private static List<String> sentences(Input in) {
    return in.german().document().segments().stream().map(Segment::text).toList();
  }

  /** One record per segment, reviewed when the run reviews. */
  private List<SegmentRecord> reviewed(Input in) {
    Document doc = in.german().document();
    List<Segment> segments = doc.segments();
    List<SegmentRecord> records = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      records.add(SegmentRecord.of(s));
    }
    if (stages.review().isPresent()) {
      List<SegmentReview> reviews = stages.review().get().review(doc);
      check(reviews.size(), records.size(), "review", in.source());
      for (int i = 0; i < records.size(); i++) {
        records.set(i, records.get(i).withReview(reviews.get(i)));
      }
    }
    return records;
  }

  /** The translations of {@code de}, or null when the run does not translate or there is none. */
  private List<Translation> translate(List<String> de) {
    if (stages.translation().isEmpty() || de.isEmpty()) {
      return null;
    }
    List<Translation> translations = stages.translation().get().translate(de);
    if (translations.size() != de.size()) {
      throw new IllegalStateException(
          "translation gave " + translations.size() + " results for " + de.size() + " sentences");
    }
    return translations;
  }

  /** Adds the translations (or null) to the records, then aligns with the counterpart. */
  private ExportDocument finish(
      Input in, List<SegmentRecord> records, List<Translation> translations)
      throws BadInputException {
    InputSource source = in.source();
    Document doc = in.german().document();
    List<String> ours = null;
    if (translations != null) {
      String model = stages.translation().get().modelName();
      ours = translations.stream().map(Translation::text).toList();
      for (int i = 0; i < records.size(); i++) {
        Translation tr = translations.get(i);
        records.set(i, records.get(i).withEnglish(tr.text(), TranslationInfo.of(tr, model)));
      }
    }

    if (in.counterpart() != null && stages.alignment().isPresent()) {
      Counterpart counterpart = in.counterpart();
      InputSource en = new InputSource(source.docId() + ".en", Path.of(counterpart.name()));
      List<String> english =
          new DocumentReader(Language.ENGLISH)
              .read(en, counterpart.bytes()).document().segments().stream()
                  .map(Segment::text)
                  .toList();
      List<Bead> beads = stages.alignment().get().align(sentences(in), english, ours);
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
