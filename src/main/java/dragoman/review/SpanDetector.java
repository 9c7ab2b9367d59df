package dragoman.review;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dragoman.mt.NativeStack;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learned span detector: a character CNN (the shipped file averages three), fed characters,
 * their words' {@link WordClasses} and their tokens' {@link PartOfSpeechClasses} (when the model
 * reads them), that gives every character of a segment a class ("ok" or a kind of MT defect) and
 * the segment one probability of reading like machine translation. Trained by
 * eval/review_detector.py on generated corruptions of human German, MLQE-PE's post-edited NMT
 * output and human vs machine translations of the same English; run through DJL's ONNX Runtime
 * engine (model card: {@value #CARD}). Each run of characters it finds defective becomes a finding
 * with the class; both probabilities feed the {@link ReviewModel}. Not thread-safe.
 */
public final class SpanDetector implements Detector, AutoCloseable {
  public static final String ID = "learned";
  public static final String MODEL = "/dragoman/review/span-detector.onnx";
  public static final String META = "/dragoman/review/span-detector.json";
  public static final String CARD = "src/main/resources/dragoman/review/span-detector.md";

  /**
   * The rule of the finding the segment head gives: the segment reads like machine translation as a
   * whole, with no span above its class's {@link SpanThresholds threshold}.
   */
  public static final String MACHINE_LIKE = "machine-like";

  /** The segment head reports a segment from this probability on. */
  public static final double MACHINE_LIKE_PROBABILITY = 0.5;

  /** English messages per class, for the reviewer. */
  static final Map<String, String> MESSAGES =
      Map.ofEntries(
          Map.entry("agreement", "agreement: this form does not fit its article, noun or subject"),
          Map.entry(
              "word-order",
              "word order: a verb that belongs at the end of the clause stands early"),
          Map.entry(
              "punctuation",
              "punctuation: spacing around the comma is wrong (space before, none after)"),
          Map.entry("spelling", "spelling: not a German word as written"),
          Map.entry("untranslated", "untranslated: English words left in the German"),
          Map.entry(
              "spliced-caption",
              "spliced text: capitalised link or caption words inside the sentence"),
          Map.entry(
              "missing-boundary",
              "missing sentence boundary: a new sentence starts without a full stop"),
          Map.entry(
              "glued-infinitive",
              "glued clause: an infinitive clause attached without comma or 'um'"),
          Map.entry("participle", "participle: an uninflected participle inside the noun phrase"),
          Map.entry(
              "mt-error",
              "looks like a machine-translation error (post-editors changed such words)"));

  static final String MACHINE_LIKE_MESSAGE =
      "reads like machine translation as a whole; the word the detector finds most suspicious is"
          + " underlined";

  /** What the model file's companion JSON says: classes and the character vocabulary. */
  record Meta(
      List<String> classes,
      int maxChars,
      int unknown,
      int padding,
      int wordClasses,
      int posClasses,
      Map<String, Integer> vocabulary,
      String trainedOn,
      List<String> log) {}

  private final Meta meta;
  private final SpanThresholds thresholds;
  private final WordClasses wordClasses = new WordClasses();

  /** Null when the model has no part-of-speech input (a single member trained without --pos). */
  private final PartOfSpeechClasses partsOfSpeech;

  private final Model model;
  private final ParameterStore parameters;
  private Segment lastSegment;
  private Scores lastScores;

  public SpanDetector() {
    this(SpanThresholds.load());
  }

  /** The shipped model with the given span thresholds instead of the shipped ones. */
  public SpanDetector(SpanThresholds thresholds) {
    this.thresholds = thresholds;
    this.meta = ReviewResources.readJson(META, Meta.class, "span detector");
    // ONNX Runtime's first session overflows the java launcher's 1 MB main-thread stack.
    this.model = NativeStack.call("span-detector-load", SpanDetector::loadModel);
    this.parameters = new ParameterStore(model.getNDManager(), false);
    this.partsOfSpeech = meta.posClasses() > 0 ? new PartOfSpeechClasses() : null;
  }

  /** DJL loads models from files: the resource goes through a temporary file. */
  private static Model loadModel() {
    Model model = Model.newInstance("span-detector", Device.cpu(), "OnnxRuntime");
    try (InputStream in = SpanDetector.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("span detector " + MODEL + " missing from the build");
      }
      Path file = Files.createTempFile("dragoman-span-detector", ".onnx");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        // One thread: the detector is small, and the review runs beside other work.
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        model.load(file, null, Map.of("sessionOptions", options));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | MalformedModelException | OrtException e) {
      model.close();
      throw new IllegalStateException("cannot load the span detector " + MODEL + ": " + e, e);
    }
    return model;
  }

  @Override
  public String id() {
    return ID;
  }

  /** How many word classes the model's embedding holds (at least {@link WordClasses#COUNT}). */
  int wordClassCount() {
    return meta.wordClasses();
  }

  /** How many part-of-speech classes the model's embedding holds; 0 without that input. */
  int posClassCount() {
    return meta.posClasses();
  }

  public List<String> classes() {
    return meta.classes();
  }

  public SpanThresholds thresholds() {
    return thresholds;
  }

  /**
   * What the model gives for one text: per-character class probabilities (rows: UTF-16 chars;
   * columns: {@link #classes()}) and the segment head's probability that the text is machine-like
   * or defective as a whole (the largest over the windows of a long text).
   */
  record Scores(float[][] probabilities, double segmentProbability) {}

  /**
   * Per-character class probabilities of {@code text} (rows: UTF-16 chars; columns: {@link
   * #classes()}). Text longer than the model's window is run window by window.
   */
  public float[][] probabilities(String text) {
    return scores(text).probabilities();
  }

  /**
   * The segment head's probability that {@code text} is machine-like or defective; 0 when empty.
   */
  public double segmentProbability(String text) {
    return scores(text).segmentProbability();
  }

  Scores scores(String text) {
    return scores(text, partsOfSpeech == null ? null : partsOfSpeech.of(text));
  }

  /**
   * {@code tags}: the text's {@link PartOfSpeechClasses}, null when the model has no such input.
   */
  private Scores scores(String text, int[] tags) {
    float[][] out = new float[text.length()][];
    double segment = 0;
    int window = meta.maxChars();
    int[] classes = wordClasses.of(text);
    for (int from = 0; from < text.length(); from += window) {
      int to = Math.min(text.length(), from + window);
      long[] ids = new long[to - from];
      long[] words = new long[to - from];
      long[] pos = tags == null ? null : new long[to - from];
      for (int i = from; i < to; i++) {
        Integer id = meta.vocabulary().get(String.valueOf(text.charAt(i)));
        ids[i - from] = id == null ? meta.unknown() : id;
        words[i - from] = classes[i];
        if (pos != null) {
          pos[i - from] = tags[i];
        }
      }
      try (NDManager scratch = model.getNDManager().newSubManager()) {
        NDArray x = scratch.create(ids, new Shape(1, ids.length));
        x.setName("chars");
        NDArray w = scratch.create(words, new Shape(1, words.length));
        w.setName("words");
        NDList inputs = new NDList(x, w);
        if (pos != null) {
          NDArray t = scratch.create(pos, new Shape(1, pos.length));
          t.setName("pos");
          inputs.add(t);
        }
        NDList result = model.getBlock().forward(parameters, inputs, false);
        // Softmax here: ONNX Runtime's arrays in DJL leave operators to another engine.
        float[] flat = result.get("logits").toFloatArray();
        double z = result.get("segment").toFloatArray()[0];
        segment = Math.max(segment, 1 / (1 + Math.exp(-z)));
        int c = meta.classes().size();
        for (int i = 0; i < ids.length; i++) {
          out[from + i] = softmax(flat, i * c, c);
        }
      }
    }
    return new Scores(out, segment);
  }

  private static float[] softmax(float[] flat, int offset, int c) {
    float[] row = new float[c];
    float top = Float.NEGATIVE_INFINITY;
    for (int k = 0; k < c; k++) {
      top = Math.max(top, flat[offset + k]);
    }
    double sum = 0;
    for (int k = 0; k < c; k++) {
      row[k] = (float) Math.exp(flat[offset + k] - top);
      sum += row[k];
    }
    for (int k = 0; k < c; k++) {
      row[k] /= (float) sum;
    }
    return row;
  }

  /** The largest per-character defect probability (1 - P(ok)) of {@code text}; 0 when empty. */
  public double badProbability(String text) {
    return max(probabilities(text));
  }

  private static double max(float[][] p) {
    double best = 0;
    for (float[] row : p) {
      best = Math.max(best, 1 - row[0]);
    }
    return best;
  }

  private Scores of(Segment s) {
    return of(s, null);
  }

  /**
   * The segment's scores, kept for {@link #logit} and {@link #segmentLogit}, which the reviewer
   * calls after {@link #detect}; parts of speech come from the context's tokens when there is one,
   * so the segment is not tagged twice.
   */
  private Scores of(Segment s, DocumentContext context) {
    if (s != lastSegment) {
      int[] tags = null;
      if (partsOfSpeech != null) {
        tags =
            context == null
                ? partsOfSpeech.of(s.text())
                : PartOfSpeechClasses.of(s.text(), s.start(), context.tokens(s));
      }
      lastScores = scores(s.text(), tags);
      lastSegment = s;
    }
    return lastScores;
  }

  /**
   * Log-odds of the segment's largest character defect probability, for {@link ReviewModel#score}.
   */
  public double logit(Segment s) {
    return roundedLogit(max(of(s).probabilities()));
  }

  /** Log-odds of the segment head's probability, for {@link ReviewModel#score}. */
  public double segmentLogit(Segment s) {
    return roundedLogit(of(s).segmentProbability());
  }

  private static double roundedLogit(double probability) {
    double p = Math.min(1 - 1e-6, Math.max(1e-6, probability));
    // Rounded: ONNX Runtime's kernels may differ in the last bits between processes (thread pools,
    // CPU features), and a resumed run must write the same records as an uninterrupted one.
    return Math.round(Math.log(p / (1 - p)) * 1e4) / 1e4;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    Scores scores = of(segment, context);
    float[][] p = scores.probabilities();
    String text = segment.text();
    // Runs of characters at or above the lowest class threshold, widened to whole words (what a
    // reviewer reads); runs that widen into the same word are one candidate, not one per run. The
    // run's class is the one with the most probability mass over it; it is reported if its own
    // threshold is reached, underlining the words from the first to the last character that
    // reaches it.
    double floor = thresholds.floor();
    List<int[]> runs = new ArrayList<>(); // {first char, end char, widened start, widened end}
    int i = 0;
    while (i < p.length) {
      if (1 - p[i][0] < floor) {
        i++;
        continue;
      }
      int start = i;
      while (i < p.length && 1 - p[i][0] >= floor) {
        i++;
      }
      int[] word = widen(text, start, i);
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && word[0] < last[3]) {
        last[1] = i;
        last[3] = Math.max(last[3], word[1]);
      } else {
        runs.add(new int[] {start, i, word[0], word[1]});
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int[] run : runs) {
      double[] mass = new double[meta.classes().size()];
      for (int k = run[0]; k < run[1]; k++) {
        for (int c = 1; c < mass.length; c++) {
          mass[c] += p[k][c];
        }
      }
      int best = 1;
      for (int c = 2; c < mass.length; c++) {
        if (mass[c] > mass[best]) {
          best = c;
        }
      }
      String cls = meta.classes().get(best);
      double threshold = thresholds.of(cls);
      int first = -1;
      int last = -1;
      double peak = 0;
      for (int k = run[0]; k < run[1]; k++) {
        double bad = 1 - p[k][0];
        peak = Math.max(peak, bad);
        if (bad >= threshold) {
          first = first < 0 ? k : first;
          last = k;
        }
      }
      if (first < 0) {
        continue;
      }
      int[] span = widen(text, first, last + 1);
      out.add(
          new Finding(
              ID,
              cls,
              segment.start() + span[0],
              segment.start() + span[1],
              MESSAGES.getOrDefault(cls, cls)
                  + String.format(Locale.ROOT, " (learned detector, p=%.2f)", peak),
              null,
              Severity.MINOR));
    }
    if (out.isEmpty() && scores.segmentProbability() >= MACHINE_LIKE_PROBABILITY && p.length > 0) {
      out.add(machineLike(segment, p, scores.segmentProbability()));
    }
    return out;
  }

  /** {@code [start, end)} widened to the letters and digits around it: {start, end}. */
  private static int[] widen(String text, int start, int end) {
    while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return new int[] {start, end};
  }

  /** The whole-segment finding, underlining the word around the most suspicious character. */
  private static Finding machineLike(Segment segment, float[][] p, double probability) {
    String text = segment.text();
    int peak = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i][0] < p[peak][0]) {
        peak = i;
      }
    }
    int[] word = widen(text, peak, peak + 1);
    return new Finding(
        ID,
        MACHINE_LIKE,
        segment.start() + word[0],
        segment.start() + word[1],
        MACHINE_LIKE_MESSAGE
            + String.format(Locale.ROOT, " (learned detector, p=%.2f)", probability),
        null,
        Severity.MINOR);
  }

  @Override
  public void close() {
    model.close();
  }
}
