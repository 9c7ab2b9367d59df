package dragoman.mt.marian;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dragoman.mt.ModelException;
import dragoman.mt.NativeStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoder and decoder ONNX sessions of a Marian model, created once and reused for every batch.
 * I/O names follow Optimum's exporter ({@code optimum/exporters/onnx/base.py}, {@code
 * OnnxSeq2SeqConfigWithPast.add_past_key_values}): encoder {@code input_ids}, {@code
 * attention_mask} -> {@code last_hidden_state}; decoder {@code input_ids}, {@code
 * encoder_attention_mask}, {@code encoder_hidden_states}, {@code
 * past_key_values.<i>.<decoder|encoder>.<key|value>}, and for the merged graph {@code
 * use_cache_branch} -> {@code logits}, {@code present.<i>.<decoder|encoder>.<key|value>}.
 */
public final class MarianModel implements AutoCloseable {
  static final String INPUT_IDS = "input_ids";
  static final String ATTENTION_MASK = "attention_mask";
  static final String LAST_HIDDEN_STATE = "last_hidden_state";
  static final String ENCODER_MASK = "encoder_attention_mask";
  static final String ENCODER_HIDDEN = "encoder_hidden_states";
  static final String USE_CACHE_BRANCH = "use_cache_branch";
  static final String LOGITS = "logits";
  static final String HEAD_LOGITS = "logits";
  static final String HEAD_K = "k";
  static final String HEAD_SPECIAL = "special";

  static {
    // DJL reports usage to an EC2 metadata address unless told not to; Dragoman never phones
    // home, and needs nothing from DJL's model zoo.
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  private final MarianConfig config;
  private final OrtSession.SessionOptions options;
  private final OnnxSession encoder;
  private final OnnxSession first; // merged, or decoder_model (no past)
  private final OnnxSession withPast; // null for merged
  private final OnnxSession greedyHead;
  private final OnnxSession beamHead;
  private final OnnxSession reorderRows;
  private final NDManager manager;

  private MarianModel(
      MarianConfig config,
      OrtSession.SessionOptions options,
      OnnxSession encoder,
      OnnxSession first,
      OnnxSession withPast,
      OnnxSession[] heads) {
    this.config = config;
    this.options = options;
    this.encoder = encoder;
    this.first = first;
    this.withPast = withPast;
    this.greedyHead = heads[0];
    this.beamHead = heads[1];
    this.reorderRows = heads[2];
    this.manager = NDManager.newBaseManager(Device.cpu(), "OnnxRuntime");
  }

  /**
   * Loads the sessions and checks their input names.
   *
   * @param threads ONNX Runtime intra-op threads, 0 for its default
   */
  public static MarianModel load(ModelDirectory dir, MarianConfig config, int threads)
      throws ModelException {
    return NativeStack.run("onnx-load", () -> loadHere(dir, config, threads));
  }

  private static MarianModel loadHere(ModelDirectory dir, MarianConfig config, int threads)
      throws ModelException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    List<OnnxSession> opened = new ArrayList<>();
    try {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      // Idle ONNX Runtime workers spin by default; on a shared or busy machine that burns the
      // cores the other workers need (measured on the fixture with load ~10 on 2 cores: spinning
      // made batched greedy 3 to 5 times slower than one thread).
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OnnxSession[] heads = {
        openHead("logits_head_greedy.onnx", options, opened),
        openHead("logits_head_beam.onnx", options, opened),
        openHead("reorder_rows.onnx", options, opened)
      };
      OnnxSession encoder = open(dir.encoder(), options, opened);
      encoder.requireInputs(List.of(INPUT_IDS, ATTENTION_MASK));
      List<String> past = pastNames("past_key_values", config.decoderLayers());
      if (dir.merged()) {
        OnnxSession merged = open(dir.decoderMerged(), options, opened);
        List<String> need = new ArrayList<>(List.of(INPUT_IDS, ENCODER_MASK, USE_CACHE_BRANCH));
        need.addAll(past);
        merged.requireInputs(need);
        return new MarianModel(config, options, encoder, merged, null, heads);
      }
      OnnxSession plain = open(dir.decoder(), options, opened);
      plain.requireInputs(List.of(INPUT_IDS, ENCODER_MASK, ENCODER_HIDDEN));
      OnnxSession cached = open(dir.decoderWithPast(), options, opened);
      List<String> need = new ArrayList<>(List.of(INPUT_IDS, ENCODER_MASK));
      need.addAll(past);
      cached.requireInputs(need);
      return new MarianModel(config, options, encoder, plain, cached, heads);
    } catch (ModelException | RuntimeException e) {
      opened.forEach(OnnxSession::close);
      options.close();
      throw e;
    } catch (OrtException e) {
      opened.forEach(OnnxSession::close);
      options.close();
      throw new ModelException(dir.dir().toString(), "ONNX Runtime: " + e.getMessage(), e);
    }
  }

  private static OnnxSession open(
      Path file, OrtSession.SessionOptions options, List<OnnxSession> opened)
      throws ModelException {
    OnnxSession s = OnnxSession.load(file, options);
    opened.add(s);
    return s;
  }

  /**
   * A logits head (written by models/tools/make_logits_head.py; see {@link StepScores}), from the
   * class path through a temporary file (DJL loads models from files).
   */
  private static OnnxSession openHead(
      String resource, OrtSession.SessionOptions options, List<OnnxSession> opened)
      throws ModelException {
    Path file;
    try (InputStream in = MarianModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      file = Files.createTempFile("dragoman-logits-head", ".onnx");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        OnnxSession s = OnnxSession.load(file, options);
        opened.add(s);
        return s;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + resource, e);
    }
  }

  /** {@code <prefix>.<i>.<decoder|encoder>.<key|value>} for every decoder layer. */
  static List<String> pastNames(String prefix, int layers) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      for (String side : List.of("decoder", "encoder")) {
        names.add(prefix + "." + i + "." + side + ".key");
        names.add(prefix + "." + i + "." + side + ".value");
      }
    }
    return names;
  }

  public MarianConfig config() {
    return config;
  }

  /**
   * Runs the encoder on a padded batch and opens a decoder over it.
   *
   * @param ids source ids, all rows of one length (padded with pad)
   * @param lengths real length of each row
   * @param repeat how many decoder rows each source row feeds (the beam width)
   */
  public CachedDecoder start(long[][] ids, int[] lengths, int repeat) {
    int batch = ids.length;
    int len = ids[0].length;
    NDManager batchManager = manager.newSubManager();
    try (NDManager scratch = batchManager.newSubManager()) {
      long[] flatIds = new long[batch * len];
      long[] mask = new long[batch * len];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(ids[b], 0, flatIds, b * len, len);
        for (int t = 0; t < lengths[b]; t++) {
          mask[b * len + t] = 1;
        }
      }
      Map<String, NDArray> in = new HashMap<>();
      in.put(INPUT_IDS, scratch.create(flatIds, new Shape(batch, len)));
      in.put(ATTENTION_MASK, scratch.create(mask, new Shape(batch, len)));
      NDList out = encoder.run(in);
      NDArray hidden = encoder.output(out, LAST_HIDDEN_STATE);
      // One row per sentence: the decoder repeats it for the beams only from step 1 on, and only
      // its KV cache (see CachedDecoder).
      hidden.attach(batchManager);
      return new CachedDecoder(this, batchManager, hidden, mask, batch, repeat);
    } catch (RuntimeException e) {
      batchManager.close();
      throw e;
    }
  }

  OnnxSession firstDecoder() {
    return first;
  }

  /** The decoder for steps after the first: the merged graph again, or decoder_with_past. */
  OnnxSession cachedDecoder() {
    return withPast == null ? first : withPast;
  }

  /**
   * Nanoseconds spent inside the encoder and decoder graph calls since the model was loaded: the
   * floor under our own overhead in the speed benchmark.
   */
  public long sessionNanos() {
    return encoder.runNanos() + first.runNanos() + (withPast == null ? 0 : withPast.runNanos());
  }

  /** Nanoseconds spent in the logits head (see {@link StepScores}) since the model was loaded. */
  public long headNanos() {
    return greedyHead.runNanos() + beamHead.runNanos();
  }

  /** Gather(data, rows, axis 0): reorders KV cache rows inside ONNX Runtime. */
  OnnxSession reorderRows() {
    return reorderRows;
  }

  /** The logits head ranking log-probabilities (beam search) or raw logits (greedy). */
  OnnxSession logitsHead(boolean rankLogProbs) {
    return rankLogProbs ? beamHead : greedyHead;
  }

  boolean merged() {
    return withPast == null;
  }

  @Override
  public void close() {
    manager.close();
    encoder.close();
    first.close();
    if (withPast != null) {
      withPast.close();
    }
    greedyHead.close();
    beamHead.close();
    reorderRows.close();
    options.close();
  }
}
