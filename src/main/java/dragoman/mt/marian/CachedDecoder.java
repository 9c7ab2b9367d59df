package dragoman.mt.marian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The decoder side of one batch, with its KV cache kept between steps: each step feeds only the
 * newest token. As Transformers.js does with a merged decoder, step 0 gets empty past tensors
 * ({@code [rows, heads, 0, head_dim]}) and {@code use_cache_branch = false}; later steps feed the
 * decoder {@code present.*} of the previous step and the encoder {@code present.*} kept from step
 * 0, with {@code use_cache_branch = true}. With the split pair, step 0 runs {@code decoder_model}
 * and later steps {@code decoder_with_past_model}.
 *
 * <p>A beam search reorders rows between steps; only the decoder half of the cache is gathered,
 * because beams of one sentence share the same encoder keys and values.
 */
public final class CachedDecoder implements DecoderStep, AutoCloseable {
  private final MarianModel model;
  private final NDManager manager;
  private final NDArray encoderHidden;
  private final NDArray encoderMask;
  private final int rows;
  private final int layers;
  private final String[] pastDecoder;
  private final String[] pastEncoder;
  private final String[] presentDecoder;
  private final String[] presentEncoder;
  private NDArray[] decoderCache;
  private NDArray[] encoderCache;
  private int step;

  CachedDecoder(
      MarianModel model, NDManager manager, NDArray encoderHidden, NDArray encoderMask, int rows) {
    this.model = model;
    this.manager = manager;
    this.encoderHidden = encoderHidden;
    this.encoderMask = encoderMask;
    this.rows = rows;
    this.layers = model.config().decoderLayers();
    this.pastDecoder = new String[2 * layers];
    this.pastEncoder = new String[2 * layers];
    this.presentDecoder = new String[2 * layers];
    this.presentEncoder = new String[2 * layers];
    for (int i = 0; i < layers; i++) {
      for (int kv = 0; kv < 2; kv++) {
        String suffix = kv == 0 ? ".key" : ".value";
        pastDecoder[2 * i + kv] = "past_key_values." + i + ".decoder" + suffix;
        pastEncoder[2 * i + kv] = "past_key_values." + i + ".encoder" + suffix;
        presentDecoder[2 * i + kv] = "present." + i + ".decoder" + suffix;
        presentEncoder[2 * i + kv] = "present." + i + ".encoder" + suffix;
      }
    }
  }

  @Override
  public float[] next(long[] tokens, int[] parents) {
    try (NDManager scratch = manager.newSubManager()) {
      return run(tokens, parents, scratch).toFloatArray();
    }
  }

  /**
   * Runs the step and the logits head ({@link MarianModel#logitsHead}) on the logits while they are
   * still ONNX Runtime tensors, so only {@code k + 2} numbers per row come back to Java.
   */
  @Override
  public StepScores scores(
      long[] tokens, int[] parents, SearchSettings settings, int k, boolean rankLogProbs) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray logits = run(tokens, parents, scratch);
      int vocab = settings.vocabSize();
      int[] badIds = settings.badTokenIds();
      // Bad ids are dropped here, so ask for as many more candidates as there are bad ids.
      int asked = Math.min(vocab, k + badIds.length);
      Map<String, NDArray> in = new HashMap<>();
      in.put(MarianModel.HEAD_LOGITS, logits);
      in.put(MarianModel.HEAD_K, scratch.create(new long[] {asked}));
      in.put(
          MarianModel.HEAD_SPECIAL,
          scratch.create(new long[] {settings.eosId(), settings.padId()}));
      OnnxSession head = model.logitsHead(rankLogProbs);
      NDList out = head.run(in);
      float[] values = head.output(out, "top_values").toFloatArray();
      long[] ids = head.output(out, "top_indices").toLongArray();
      float[] logProbs = head.output(out, "top_logprobs").toFloatArray();
      float[] special = head.output(out, "special_logprobs").toFloatArray();
      boolean[] bad = settings.badMask();
      float[] keptValues = new float[rows * k];
      int[] keptTokens = new int[rows * k];
      float[] keptLogProbs = new float[rows * k];
      float[] eos = new float[rows];
      Arrays.fill(keptValues, Float.NEGATIVE_INFINITY);
      Arrays.fill(keptLogProbs, Float.NEGATIVE_INFINITY);
      Arrays.fill(keptTokens, -1);
      for (int r = 0; r < rows; r++) {
        // log_softmax without pad = log_softmax over all tokens - log(1 - p(pad)).
        double padShift = Math.log1p(-Math.exp(special[2 * r + 1]));
        eos[r] = (float) (special[2 * r] - padShift);
        int kept = 0;
        for (int c = 0; c < asked && kept < k; c++) {
          int token = (int) ids[r * asked + c];
          if (bad[token]) {
            continue;
          }
          float logProb = (float) (logProbs[r * asked + c] - padShift);
          keptValues[r * k + kept] = rankLogProbs ? logProb : values[r * asked + c];
          keptTokens[r * k + kept] = token;
          keptLogProbs[r * k + kept] = logProb;
          kept++;
        }
      }
      return new StepScores(k, keptValues, keptTokens, keptLogProbs, eos);
    }
  }

  /** One decoder step; the logits belong to {@code scratch}, the new cache to this decoder. */
  private NDArray run(long[] tokens, int[] parents, NDManager scratch) {
    if (tokens.length != rows) {
      throw new IllegalArgumentException("expected " + rows + " rows, got " + tokens.length);
    }
    if (parents != null && decoderCache != null) {
      reorder(parents);
    }
    Map<String, NDArray> in = new HashMap<>();
    // input_ids decides which manager owns the outputs: the scratch one, closed after the step.
    in.put(MarianModel.INPUT_IDS, scratch.create(tokens, new Shape(rows, 1)));
    in.put(MarianModel.ENCODER_MASK, encoderMask);
    in.put(MarianModel.ENCODER_HIDDEN, encoderHidden);
    OnnxSession session;
    if (step == 0) {
      session = model.firstDecoder();
      if (model.merged()) {
        in.put(MarianModel.USE_CACHE_BRANCH, scratch.create(new boolean[] {false}));
        MarianConfig c = model.config();
        Shape empty = new Shape(rows, c.decoderHeads(), 0, c.headDim());
        for (int i = 0; i < 2 * layers; i++) {
          in.put(pastDecoder[i], scratch.create(FloatBuffer.allocate(0), empty));
          in.put(pastEncoder[i], scratch.create(FloatBuffer.allocate(0), empty));
        }
      }
    } else {
      session = model.cachedDecoder();
      if (model.merged()) {
        in.put(MarianModel.USE_CACHE_BRANCH, scratch.create(new boolean[] {true}));
      }
      for (int i = 0; i < 2 * layers; i++) {
        in.put(pastDecoder[i], decoderCache[i]);
        in.put(pastEncoder[i], encoderCache[i]);
      }
    }
    NDList out = session.run(in);
    NDArray logits = session.output(out, MarianModel.LOGITS);
    int vocab = model.config().vocabSize();
    long[] shape = logits.getShape().getShape();
    if (shape.length != 3 || shape[2] != vocab) {
      throw new IllegalStateException(
          session.file()
              + ": logits have shape "
              + logits.getShape()
              + ", expected [rows, 1, "
              + vocab
              + "] (config.json vocab_size)");
    }
    NDArray[] nextDecoder = new NDArray[2 * layers];
    for (int i = 0; i < 2 * layers; i++) {
      nextDecoder[i] = session.output(out, presentDecoder[i]);
      nextDecoder[i].attach(manager);
    }
    if (step == 0) {
      encoderCache = new NDArray[2 * layers];
      for (int i = 0; i < 2 * layers; i++) {
        encoderCache[i] = session.output(out, presentEncoder[i]);
        encoderCache[i].attach(manager);
      }
    }
    if (decoderCache != null) {
      for (NDArray old : decoderCache) {
        old.close();
      }
    }
    decoderCache = nextDecoder;
    step++;
    return logits;
  }

  private void reorder(int[] parents) {
    boolean identity = true;
    for (int r = 0; r < rows && identity; r++) {
      identity = parents[r] == r;
    }
    if (identity) {
      return;
    }
    // Gathered inside ONNX Runtime: the cache never travels through Java (copying it out and
    // back in at every step cost rows * layers * 2 * heads * length * head_dim floats twice).
    OnnxSession gather = model.reorderRows();
    long[] rowsIndex = new long[rows];
    for (int r = 0; r < rows; r++) {
      rowsIndex[r] = parents[r];
    }
    try (NDManager scratch = manager.newSubManager()) {
      NDArray index = scratch.create(rowsIndex);
      for (int i = 0; i < decoderCache.length; i++) {
        NDArray old = decoderCache[i];
        Map<String, NDArray> in = new HashMap<>();
        in.put("data", old);
        in.put("rows", index);
        NDArray moved = gather.output(gather.run(in), "reordered");
        moved.attach(manager);
        decoderCache[i] = moved;
        old.close();
      }
    }
  }

  /** How many steps ran (for tests and benchmarks). */
  public int steps() {
    return step;
  }

  @Override
  public void close() {
    manager.close();
  }
}
