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
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The learned span detector: a character CNN that gives every character of a segment a class ("ok"
 * or a kind of MT defect), trained by eval/review_detector.py on generated corruptions of human
 * German and on MLQE-PE's post-edited NMT output, and run through DJL's ONNX Runtime engine (model
 * card: {@value #CARD}). Each run of characters it finds defective becomes a finding with the
 * class; the segment's probability (the largest per-character defect probability) feeds the {@link
 * ReviewModel}. Not thread-safe.
 */
public final class SpanDetector implements Detector, AutoCloseable {
  public static final String ID = "learned";
  public static final String MODEL = "/dragoman/review/span-detector.onnx";
  public static final String META = "/dragoman/review/span-detector.json";
  public static final String CARD = "src/main/resources/dragoman/review/span-detector.md";

  /** A character is part of a reported span from this defect probability on. */
  public static final double SPAN_PROBABILITY = 0.5;

  /** English messages per class, for the reviewer. */
  static final Map<String, String> MESSAGES =
      Map.of(
          "agreement", "agreement: this form does not fit its article, noun or subject",
          "word-order", "word order: a verb that belongs at the end of the clause stands early",
          "punctuation",
              "punctuation: spacing around the comma is wrong (space before, none after)",
          "spelling", "spelling: not a German word as written",
          "untranslated", "untranslated: English words left in the German",
          "spliced-caption", "spliced text: capitalised link or caption words inside the sentence",
          "missing-boundary",
              "missing sentence boundary: a new sentence starts without a full stop",
          "glued-infinitive", "glued clause: an infinitive clause attached without comma or 'um'",
          "mt-error", "looks like a machine-translation error (post-editors changed such words)");

  /** What the model file's companion JSON says: classes and the character vocabulary. */
  record Meta(
      List<String> classes,
      int maxChars,
      int unknown,
      int padding,
      Map<String, Integer> vocabulary,
      String trainedOn,
      List<String> log) {}

  private final Meta meta;
  private final Model model;
  private final ParameterStore parameters;
  private Segment lastSegment;
  private float[][] lastProbabilities;

  public SpanDetector() {
    try (InputStream in = SpanDetector.class.getResourceAsStream(META)) {
      if (in == null) {
        throw new IllegalStateException("span detector " + META + " missing from the build");
      }
      this.meta = new ObjectMapper().readValue(in, Meta.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.model = onLargeStack(SpanDetector::loadModel);
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * ONNX Runtime's first session overflows the 1 MB stack the java launcher gives the main thread
   * and kills the JVM (the same as for the translation model): load on a thread with a large stack.
   */
  private static Model onLargeStack(Supplier<Model> work) {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (RuntimeException | Error e) {
                result.set(e);
              }
            },
            "span-detector-load",
            64L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the span detector", e);
    }
    if (result.get() instanceof RuntimeException e) {
      throw e;
    }
    if (result.get() instanceof Error e) {
      throw e;
    }
    return (Model) result.get();
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

  public List<String> classes() {
    return meta.classes();
  }

  /**
   * Per-character class probabilities of {@code text} (rows: UTF-16 chars; columns: {@link
   * #classes()}). Text longer than the model's window is run window by window.
   */
  public float[][] probabilities(String text) {
    float[][] out = new float[text.length()][];
    int window = meta.maxChars();
    for (int from = 0; from < text.length(); from += window) {
      int to = Math.min(text.length(), from + window);
      long[] ids = new long[to - from];
      for (int i = from; i < to; i++) {
        Integer id = meta.vocabulary().get(String.valueOf(text.charAt(i)));
        ids[i - from] = id == null ? meta.unknown() : id;
      }
      try (NDManager scratch = model.getNDManager().newSubManager()) {
        NDArray x = scratch.create(ids, new Shape(1, ids.length));
        x.setName("chars");
        NDList result = model.getBlock().forward(parameters, new NDList(x), false);
        NDArray logits = result.get(0);
        // Softmax here: ONNX Runtime's arrays in DJL leave operators to another engine.
        float[] flat = logits.toFloatArray();
        int c = meta.classes().size();
        for (int i = 0; i < ids.length; i++) {
          float[] row = new float[c];
          float top = Float.NEGATIVE_INFINITY;
          for (int k = 0; k < c; k++) {
            top = Math.max(top, flat[i * c + k]);
          }
          double sum = 0;
          for (int k = 0; k < c; k++) {
            row[k] = (float) Math.exp(flat[i * c + k] - top);
            sum += row[k];
          }
          for (int k = 0; k < c; k++) {
            row[k] /= (float) sum;
          }
          out[from + i] = row;
        }
      }
    }
    return out;
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

  private float[][] of(Segment s) {
    if (s != lastSegment) {
      lastProbabilities = probabilities(s.text());
      lastSegment = s;
    }
    return lastProbabilities;
  }

  /** Log-odds of the segment's defect probability, for {@link ReviewModel#score}. */
  public double logit(Segment s) {
    double p = Math.min(1 - 1e-6, Math.max(1e-6, max(of(s))));
    // Rounded: ONNX Runtime's kernels may differ in the last bits between processes (thread pools,
    // CPU features), and a resumed run must write the same records as an uninterrupted one.
    return Math.round(Math.log(p / (1 - p)) * 1e4) / 1e4;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    float[][] p = of(segment);
    String text = segment.text();
    List<Finding> out = new ArrayList<>();
    int i = 0;
    while (i < p.length) {
      if (1 - p[i][0] < SPAN_PROBABILITY) {
        i++;
        continue;
      }
      int start = i;
      while (i < p.length && 1 - p[i][0] >= SPAN_PROBABILITY) {
        i++;
      }
      int end = i;
      double[] mass = new double[meta.classes().size()];
      double peak = 0;
      for (int k = start; k < end; k++) {
        for (int c = 1; c < mass.length; c++) {
          mass[c] += p[k][c];
        }
        peak = Math.max(peak, 1 - p[k][0]);
      }
      int best = 1;
      for (int c = 2; c < mass.length; c++) {
        if (mass[c] > mass[best]) {
          best = c;
        }
      }
      // Widen to whole words, so the underline covers what a reviewer reads.
      while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
        start--;
      }
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      String cls = meta.classes().get(best);
      out.add(
          new Finding(
              ID,
              cls,
              segment.start() + start,
              segment.start() + end,
              MESSAGES.getOrDefault(cls, cls) + String.format(" (learned detector, p=%.2f)", peak),
              null,
              Severity.MINOR));
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
