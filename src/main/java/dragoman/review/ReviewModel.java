package dragoman.review;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a segment's findings into a probability: logistic regression over per-rule counts ({@code
 * detector/rule}, each capped), with weights fitted by eval/review-fit and shipped as the resource
 * {@value #RESOURCE}.
 *
 * @param intercept bias term
 * @param cap counts above this add nothing more
 * @param weights weight per {@code detector/rule}
 * @param otherWeight weight of a rule the fit never saw, per severity name (MAJOR, MINOR, INFO)
 * @param fittedOn what the weights were fitted on, for reports
 * @param translationeseWeight weight of the {@link TranslationeseModel} log-odds (clipped to
 *     [-logitClip, logitClip]); 0 leaves the signal out
 * @param learnedWeight weight of the {@link SpanDetector}'s log-odds (clipped the same way); 0
 *     leaves it out (as in weight files written before it existed)
 * @param segmentWeight weight of the {@link SpanDetector#segmentLogit} (clipped the same way); 0
 *     leaves it out
 * @param threshold the score at which these weights flag by default ({@link
 *     ReviewOptions#DEFAULT_THRESHOLD}, which a test keeps equal); here so that the eval scripts
 *     read it from the same file as the weights
 * @param logitClip the log-odds inputs are clipped to [-logitClip, logitClip], so one odd segment
 *     cannot dominate the rules; fitted with the weights (0, as in files written before it was
 *     fitted, means {@value #DEFAULT_LOGIT_CLIP})
 * @param decisiveRules {@code detector/rule} keys of hand-written rules precise enough to flag a
 *     segment on their own: a finding of one raises the score to at least {@link #threshold}. The
 *     fit lists the MAJOR rules (ours or LanguageTool's) that touch at most 0.5% of each
 *     calibration half's fluent human lines; they fire on few calibration lines, so their weights
 *     alone stay near the prior and could not flag (none in files written before it existed)
 */
public record ReviewModel(
    double intercept,
    int cap,
    Map<String, Double> weights,
    Map<String, Double> otherWeight,
    String fittedOn,
    double translationeseWeight,
    double learnedWeight,
    double segmentWeight,
    double threshold,
    double logitClip,
    List<String> decisiveRules) {
  public static final String RESOURCE = "/dragoman/review/weights.json";

  /** The clip of weight files that do not name one. */
  public static final double DEFAULT_LOGIT_CLIP = 4.0;

  public ReviewModel {
    weights = Map.copyOf(weights);
    otherWeight = Map.copyOf(otherWeight);
    logitClip = logitClip > 0 ? logitClip : DEFAULT_LOGIT_CLIP;
    decisiveRules = decisiveRules == null ? List.of() : List.copyOf(decisiveRules);
  }

  public static ReviewModel load() {
    return ReviewResources.readJson(RESOURCE, ReviewModel.class, "review weights");
  }

  private double clip(double logit) {
    return Math.max(-logitClip, Math.min(logitClip, logit));
  }

  /** The feature a finding counts towards. */
  public static String feature(Finding f) {
    return f.detector() + "/" + f.rule();
  }

  /** Per-feature counts, capped: the model's input (also what eval/review-fit reads). */
  public Map<String, Integer> features(List<Finding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding f : findings) {
      counts.merge(feature(f), 1, (a, b) -> Math.min(cap, a + b));
    }
    return counts;
  }

  /** The score from the rules' findings alone (no translationese signal). */
  public double score(List<Finding> findings) {
    return score(findings, 0);
  }

  /**
   * @param translationese the segment's {@link TranslationeseModel#logit} (0 for none)
   */
  public double score(List<Finding> findings, double translationese) {
    return score(findings, translationese, 0);
  }

  /**
   * @param translationese the segment's {@link TranslationeseModel#logit} (0 for none)
   * @param learned the segment's {@link SpanDetector#logit} (0 for none)
   */
  public double score(List<Finding> findings, double translationese, double learned) {
    return score(findings, translationese, learned, 0);
  }

  /**
   * @param translationese the segment's {@link TranslationeseModel#logit} (0 for none)
   * @param learned the segment's {@link SpanDetector#logit} (0 for none)
   * @param segment the segment's {@link SpanDetector#segmentLogit} (0 for none)
   */
  public double score(
      List<Finding> findings, double translationese, double learned, double segment) {
    double z =
        intercept
            + translationeseWeight * clip(translationese)
            + learnedWeight * clip(learned)
            + segmentWeight * clip(segment);
    Map<String, Integer> counts = features(findings);
    for (Finding f : findings) {
      String key = feature(f);
      Integer n = counts.remove(key);
      if (n == null) {
        continue;
      }
      Double w = weights.get(key);
      if (w == null) {
        w = otherWeight.getOrDefault(f.severity().name(), 0.0);
      }
      z += w * n;
    }
    double p = 1 / (1 + Math.exp(-z));
    for (Finding f : findings) {
      if (decisiveRules.contains(feature(f))) {
        return Math.max(p, threshold);
      }
    }
    return p;
  }
}
