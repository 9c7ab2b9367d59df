package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Points at the word sequences that make a segment read like machine translation by the {@link
 * TranslationeseModel}: when the model leans towards machine translation, the (at most {@value
 * #MAX_FINDINGS}) non-overlapping word sequences (word pairs and shape trigrams; single words are
 * too vague to act on) with the largest weights become MINOR findings. The model's log-odds
 * themselves go into the score through {@link ReviewModel#score(List, double)}; these findings only
 * show a reviewer where to look and count nothing on their own (weight 0).
 */
public final class TranslationeseDetector implements Detector {
  public static final String ID = "translationese";
  public static final String RULE = "typical-sequence";

  /** At most this many sequences are shown per segment. */
  static final int MAX_FINDINGS = 2;

  /**
   * Sequences are shown only when the model itself is this sure (log-odds; 1.5 is a probability of
   * about 0.82): a hint that is wrong as often as right teaches a reviewer to ignore it.
   */
  static final double CONFIDENT_LOGIT = 1.5;

  /** Sequences with smaller weights are too weak a hint to show. */
  static final double MIN_WEIGHT = 1.5;

  private final TranslationeseModel model;

  public TranslationeseDetector(TranslationeseModel model) {
    this.model = model;
  }

  @Override
  public String id() {
    return ID;
  }

  /** The model's log-odds that the segment is machine-translated. */
  public double logit(Segment segment) {
    return model.logit(segment.text());
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    String text = segment.text();
    if (model.logit(text) < CONFIDENT_LOGIT) {
      return List.of();
    }
    List<TranslationeseModel.Piece> pieces = TranslationeseModel.pieces(text);
    List<TranslationeseModel.Feature> candidates = new ArrayList<>();
    for (TranslationeseModel.Feature f : model.occurrences(pieces)) {
      if (f.first() < f.last() && model.weights().getOrDefault(f.name(), 0.0) >= MIN_WEIGHT) {
        candidates.add(f);
      }
    }
    candidates.sort(
        Comparator.comparingDouble(
                (TranslationeseModel.Feature f) -> -model.weights().get(f.name()))
            .thenComparingInt(TranslationeseModel.Feature::first));
    List<Finding> out = new ArrayList<>();
    boolean[] used = new boolean[pieces.size()];
    for (TranslationeseModel.Feature f : candidates) {
      if (out.size() == MAX_FINDINGS) {
        break;
      }
      boolean overlaps = false;
      for (int i = f.first(); i <= f.last(); i++) {
        overlaps |= used[i];
      }
      if (overlaps) {
        continue;
      }
      for (int i = f.first(); i <= f.last(); i++) {
        used[i] = true;
      }
      int start = pieces.get(f.first()).start();
      int end = pieces.get(f.last()).end();
      out.add(
          new Finding(
              ID,
              RULE,
              segment.start() + start,
              segment.start() + end,
              "word sequence typical of machine translation: \""
                  + text.substring(start, end)
                  + "\"; check that it reads naturally",
              null,
              Severity.MINOR));
    }
    return out;
  }
}
