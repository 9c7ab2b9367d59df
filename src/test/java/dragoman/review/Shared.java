package dragoman.review;

import dragoman.text.Document;
import dragoman.text.DocumentSegmenter;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expensive review objects built once per test JVM (OpenNLP models, LanguageTool's German language
 * and its first-check warm-up), shared by the review test classes.
 */
final class Shared {
  private Shared() {}

  private static GermanAnalyzer analyzer;
  private static GermanLexicon lexicon;
  private static Reviewer reviewer;
  private static final DocumentSegmenter SEGMENTER = new DocumentSegmenter(Language.GERMAN);

  static synchronized GermanAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = new GermanAnalyzer(GermanVariant.DE_DE);
    }
    return analyzer;
  }

  static synchronized GermanLexicon lexicon() {
    if (lexicon == null) {
      lexicon = new GermanLexicon(GermanVariant.DE_DE);
    }
    return lexicon;
  }

  /** The full reviewer with LanguageTool, default options. */
  static synchronized Reviewer reviewer() {
    if (reviewer == null) {
      reviewer = new Reviewer(ReviewOptions.defaults());
    }
    return reviewer;
  }

  static Document document(String text) {
    return SEGMENTER.segment("test", text);
  }

  static DocumentContext context(Document doc) {
    return new DocumentContext(
        doc, GermanVariant.DE_DE, s -> analyzer().analyze(s.text(), s.start()), Map.of());
  }

  /** Runs one detector over the first segment of {@code text}; returns the rule ids found. */
  static List<Finding> run(Detector d, String text) {
    Document doc = document(text);
    Segment s = doc.segments().get(0);
    return d.detect(s, context(doc));
  }

  /** The detector that runs the registered rules of detector {@code id}. */
  static Detector detector(String id) {
    return ReviewRules.detectors(lexicon()).stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static List<String> rules(Detector d, String text) {
    return run(d, text).stream().map(Finding::rule).toList();
  }

  /**
   * The tokens of {@code text} with the tag of {@code word} replaced by {@code tag}: a tagger
   * mistake reproduced, so a test does not depend on what the tagger does today.
   */
  static List<Token> retagged(String text, String word, Upos tag) {
    List<Token> out = new ArrayList<>();
    for (Token t : analyzer().analyze(text, 0)) {
      out.add(
          t.text().equals(word)
              ? new Token(
                  t.text(),
                  t.start(),
                  t.end(),
                  tag,
                  t.verbForm(),
                  t.persons(),
                  t.nominative(),
                  t.onlyVerbReadings(),
                  t.infinitive(),
                  t.verbLemma(),
                  t.taggerUpos(),
                  t.inflectedAdjective())
              : t);
    }
    return out;
  }
}
