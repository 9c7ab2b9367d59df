package dragoman.review;

import dragoman.text.Paragraph;
import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a segment is within its document: lines that are not prose (datelines, bylines, pasted
 * headlines: one-sentence paragraphs without final punctuation, or with no lowercase word), and
 * sentences that share no noun with the rest of the document (pasted from elsewhere). Stateless
 * (what it counts per document lives in the {@link DocumentContext}), so workers may share one.
 */
public final class DocumentDetector implements Detector {
  public static final String ID = "document";
  public static final String NON_PROSE = "non-prose";
  public static final String UNRELATED_SEGMENT = "unrelated-segment";

  /** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
  private static final Pattern FINAL_PUNCT =
      Pattern.compile("[.!?…:;][\\p{Pf}\\p{Pe}\"'“”»«‹›]*\\s*$");

  /** A document needs this many segments before "unrelated to the rest" means anything. */
  private static final int MIN_SEGMENTS = 8;

  /**
   * Above this many segments the check is skipped: in a text that long, a sentence sharing no noun
   * with the rest says little, and counting nouns first would delay the first record (streaming).
   */
  static final int MAX_SEGMENTS = 2000;

  /** ... and the segment this many distinct nouns. */
  private static final int MIN_NOUNS = 4;

  private static final int STEM = 5;

  /** Key of the document's noun stem counts in {@link DocumentContext#shared}. */
  private static final String NOUN_COUNTS = ID + ".nouns";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    List<Finding> out = new ArrayList<>();
    if (isNonProse(segment, context)) {
      out.add(
          new Finding(
              ID,
              NON_PROSE,
              segment.start(),
              segment.end(),
              "not prose (a dateline, byline or pasted headline): check it belongs in the text",
              null,
              Severity.INFO));
      return out;
    }
    int count = context.document().segments().size();
    if (count >= MIN_SEGMENTS && count <= MAX_SEGMENTS) {
      Set<String> own = nouns(segment, context);
      if (own.size() >= MIN_NOUNS) {
        Map<String, Integer> all = documentNouns(context);
        boolean shared = own.stream().anyMatch(n -> all.getOrDefault(n, 0) > 1);
        if (!shared) {
          out.add(
              new Finding(
                  ID,
                  UNRELATED_SEGMENT,
                  segment.start(),
                  segment.end(),
                  "shares no noun with the rest of the document: pasted from elsewhere?",
                  null,
                  Severity.MINOR));
        }
      }
    }
    return out;
  }

  static boolean isNonProse(Segment segment, DocumentContext context) {
    String text = segment.text().strip();
    boolean lowercaseWord = text.codePoints().anyMatch(Character::isLowerCase);
    if (!lowercaseWord || text.length() < 3) {
      return true;
    }
    Paragraph p = context.document().paragraphs().get(segment.paragraph());
    return p.segments().size() == 1 && !FINAL_PUNCT.matcher(text).find();
  }

  /**
   * Noun stems over the document's segments, counted once per document; every worker that gets here
   * first helps to analyse the segments.
   */
  private static Map<String, Integer> documentNouns(DocumentContext context) {
    context.analyzeAll();
    return context.shared(
        NOUN_COUNTS,
        c -> {
          Map<String, Integer> counts = new HashMap<>();
          for (Segment s : c.document().segments()) {
            for (String n : nouns(s, c)) {
              counts.merge(n, 1, Integer::sum);
            }
          }
          return Map.copyOf(counts);
        });
  }

  /** Stems of the nouns and names (German capitalises them), from the tagger. */
  private static Set<String> nouns(Segment segment, DocumentContext context) {
    Set<String> out = new HashSet<>();
    for (Token t : context.tokens(segment)) {
      if ((t.upos() == Upos.NOUN || t.upos() == Upos.PROPN) && t.text().length() >= 3) {
        String w = t.text().toLowerCase(Locale.GERMAN);
        out.add(w.length() > STEM ? w.substring(0, STEM) : w);
      }
    }
    return out;
  }
}
