package dragoman.review;

import java.util.Arrays;
import java.util.List;

/**
 * The span detector's third input: for every UTF-16 char of a text, the Universal Dependencies part
 * of speech OpenNLP's German tagger gives the token it belongs to ({@link GermanAnalyzer}). Unlike
 * {@link WordClasses}, which lists what a word can be, this is the tagger's choice in context:
 * "gehen" as a verb after "sie" and as a noun after "das" differ, which is what agreement and word
 * order need. The same class computes it for training (eval/tools/DetectorInputs.java writes it for
 * eval/review_detector.py) and here. Always de-DE: the detector was trained on it. Not thread-safe
 * (the analyser keeps OpenNLP state).
 */
public final class PartOfSpeechClasses {
  /** Padding (never produced for a real character). */
  public static final int PAD = 0;

  /** Space or any character outside a token. */
  public static final int NOT_A_TOKEN = 1;

  /**
   * The 17 UD tags, in id order from {@link #FIRST_TAG} on (the order the detector was trained
   * with: do not reorder).
   */
  static final List<Upos> TAGS =
      List.of(
          Upos.ADJ,
          Upos.ADP,
          Upos.ADV,
          Upos.AUX,
          Upos.CCONJ,
          Upos.DET,
          Upos.INTJ,
          Upos.NOUN,
          Upos.NUM,
          Upos.PART,
          Upos.PRON,
          Upos.PROPN,
          Upos.PUNCT,
          Upos.SCONJ,
          Upos.SYM,
          Upos.VERB,
          Upos.X);

  public static final int FIRST_TAG = 2;

  /** The contractions OpenNLP tags as one token ("zum", "darauf"): one class for the three. */
  public static final int CONTRACTION = FIRST_TAG + TAGS.size();

  /** How many classes the embedding must hold. */
  public static final int COUNT = CONTRACTION + 1;

  private final GermanAnalyzer analyzer = new GermanAnalyzer(GermanVariant.DE_DE);

  /** One class per UTF-16 char of {@code text}. */
  public int[] of(String text) {
    return of(text, 0, analyzer.analyze(text, 0));
  }

  /**
   * The same from tokens already analysed ({@link DocumentContext#tokens}: the review's rules
   * tagged the segment anyway), whose offsets count from {@code offset}.
   */
  static int[] of(String text, int offset, List<Token> tokens) {
    int[] out = new int[text.length()];
    Arrays.fill(out, NOT_A_TOKEN);
    for (Token t : tokens) {
      int index = TAGS.indexOf(t.taggerUpos());
      Arrays.fill(
          out, t.start() - offset, t.end() - offset, index < 0 ? CONTRACTION : FIRST_TAG + index);
    }
    return out;
  }
}
