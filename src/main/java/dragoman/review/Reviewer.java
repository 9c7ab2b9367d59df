package dragoman.review;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reviews documents: decides what each segment is (prose, boilerplate, not German), runs the
 * detectors on prose, and scores the findings with the {@link ReviewModel}. Not thread-safe.
 */
public final class Reviewer {
  private final ReviewOptions options;
  private final GermanAnalyzer analyzer;
  private final List<Detector> detectors;
  private final DocumentDetector document = new DocumentDetector();
  private final LanguageCheck language = new LanguageCheck();
  private final ReviewModel model;
  private final TranslationeseDetector translationese;
  private final SpanDetector learned;

  public Reviewer(ReviewOptions options) {
    this(options, ReviewModel.load(), List.of());
  }

  /**
   * @param extra further detectors (e.g. {@link SourceAwareDetector}) run after the built-in ones
   */
  public Reviewer(ReviewOptions options, ReviewModel model, List<Detector> extra) {
    this.options = options;
    this.model = model;
    this.translationese = new TranslationeseDetector(TranslationeseModel.load());
    GermanVariant v = options.variant();
    this.analyzer = new GermanAnalyzer(v);
    List<Detector> ds = new ArrayList<>();
    ds.addAll(ReviewRules.detectors(new GermanLexicon(v)));
    if (options.grammar()) {
      ds.add(new GrammarDetector(v, options.maxGrammarChars()));
    }
    ds.add(document);
    ds.add(translationese);
    this.learned = options.learned() ? new SpanDetector() : null;
    if (learned != null) {
      ds.add(learned);
    }
    ds.addAll(extra);
    this.detectors = List.copyOf(ds);
  }

  public ReviewOptions options() {
    return options;
  }

  public List<Detector> detectors() {
    return detectors;
  }

  public List<SegmentReview> review(Document doc) {
    return review(doc, Map.of());
  }

  /**
   * @param english aligned English per segment id (empty without a source)
   * @return one review per segment of {@code doc}, in the document's order
   */
  public List<SegmentReview> review(Document doc, Map<String, String> english) {
    List<SegmentReview> out = new ArrayList<>();
    try {
      review(doc, english, (s, r) -> out.add(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the list sink does no I/O
    }
    return out;
  }

  /** Receives each segment's review as soon as it is done. */
  @FunctionalInterface
  public interface Sink {
    void accept(Segment segment, SegmentReview review) throws IOException;
  }

  /**
   * Reviews {@code doc} one segment at a time and hands each review to {@code sink} before the next
   * segment is looked at, so a caller can write records as they are done and a long document never
   * holds all its reviews (nor all its tokens: the context keeps a bounded number) at once.
   *
   * @param english aligned English per segment id (empty without a source)
   */
  public void review(Document doc, Map<String, String> english, Sink sink) throws IOException {
    DocumentContext context =
        new DocumentContext(
            doc, options.variant(), s -> analyzer.analyze(s.text(), s.start()), english);
    boolean documentNotGerman = language.check(doc.text()).notGerman();
    for (Segment s : doc.segments()) {
      sink.accept(s, review(s, context, documentNotGerman));
    }
  }

  private SegmentReview review(Segment s, DocumentContext context, boolean documentNotGerman) {
    LanguageCheck.Verdict verdict = language.check(s.text());
    if (documentNotGerman && !verdict.language().equals("de") || verdict.notGerman()) {
      String lang = verdict.notGerman() ? verdict.language() : "not de";
      Finding f =
          new Finding(
              "language",
              "not-german",
              s.start(),
              s.end(),
              "not German (looks like " + lang + "): not reviewed",
              null,
              Severity.INFO);
      return new SegmentReview(0, false, SegmentReview.NOT_GERMAN, List.of(f));
    }
    if (DocumentDetector.isNonProse(s, context)) {
      return new SegmentReview(0, false, SegmentReview.BOILERPLATE, document.detect(s, context));
    }
    List<Finding> findings = new ArrayList<>();
    for (Detector d : detectors) {
      try {
        findings.addAll(d.detect(s, context));
      } catch (RuntimeException e) {
        // One detector failing on odd input must not lose the others' findings.
        findings.add(
            new Finding(
                d.id(),
                "failed",
                s.start(),
                s.end(),
                "detector failed: " + e.getClass().getSimpleName(),
                null,
                Severity.INFO));
      }
    }
    findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
    double t = translationese.logit(s);
    Map<String, Double> signals = new TreeMap<>();
    signals.put(SegmentReview.TRANSLATIONESE, t);
    double l = 0;
    double g = 0;
    if (learned != null) {
      l = learned.logit(s);
      g = learned.segmentLogit(s);
      signals.put(SegmentReview.LEARNED, l);
      signals.put(SegmentReview.LEARNED_SEGMENT, g);
    }
    double score = model.score(findings, t, l, g);
    if (findings.stream().allMatch(f -> f.severity() == Severity.INFO)) {
      // A flag must come with something a reviewer can act on: a score made of signals that point
      // at nothing stays just below the threshold.
      score = Math.min(score, Math.nextDown(options.threshold()));
    }
    return new SegmentReview(
        score, score >= options.threshold(), SegmentReview.PROSE, findings, signals);
  }
}
