package dragoman.mt.marian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder side of one batch, with its KV cache kept between steps: each step feeds only the
 * newest token. As Transformers.js does with a merged decoder, step 0 gets empty past tensors
 * ({@code [rows, heads, 0, head_dim]}) and {@code use_cache_branch = false}; later steps feed the
 * decoder {@code present.*} of the previous step and the encoder {@code present.*} kept from step
 * 0, with {@code use_cache_branch = true}. With the split pair, step 0 runs {@code decoder_model}
 * and later steps {@code decoder_with_past_model}.
 *
 * <p>The search addresses {@code sentences * repeat} rows (repeat = beams) for the whole batch; the
 * cache holds only the rows that still need computing, and which cache row serves which search row
 * is tracked here. Three things make that smaller than the search's view, none of which changes a
 * single logit:
 *
 * <ul>
 *   <li>At step 0 every beam of a sentence is the same (start token, same encoder output), so the
 *       step runs one row per sentence and its scores and cache serve all of the sentence's beams.
 *       That first step is the dearest, since it projects the encoder output into every layer's
 *       cross-attention keys and values.
 *   <li>A beam search reorders rows between steps: the decoder half of the cache is gathered by
 *       parent row; the encoder half is not, because beams of one sentence share it.
 *   <li>Rows the search no longer needs (a finished greedy row, a finished sentence's beams) are
 *       dropped from the cache once they are an eighth of it, so the remaining steps of a batch do
 *       not keep computing padding for them.
 * </ul>
 */
public final class CachedDecoder implements DecoderStep, AutoCloseable {
  private final MarianModel model;
  private final NDManager manager;
  private final NDArray encoderHidden;
  private final long[] sourceMask;
  private final int sentences;
  private final int sourceLength;
  private final int repeat;
  private final int rows;
  private final int layers;
  private final String[] pastDecoder;
  private final String[] pastEncoder;
  private final String[] presentDecoder;
  private final String[] presentEncoder;
  private NDArray[] decoderCache;
  private NDArray[] encoderCache;
  private NDArray encoderMask;

  /** Search rows fed at the last step, in cache order (several may share a row after step 0). */
  private int[] fed;

  /** Per search row, its row in the decoder cache, -1 when not held. */
  private int[] decoderRow;

  /** Per search row, its row in the encoder cache (same content for a sentence's beams). */
  private int[] encoderRow;

  private int step;
  private final List<Integer> rowsPerStep = new ArrayList<>();

  /**
   * @param encoderHidden encoder output, one row per sentence
   * @param sourceMask the sentences' attention masks, row-major {@code sentences * sourceLength}
   * @param repeat search rows per sentence (the beam width)
   */
  CachedDecoder(
      MarianModel model,
      NDManager manager,
      NDArray encoderHidden,
      long[] sourceMask,
      int sentences,
      int repeat) {
    this.model = model;
    this.manager = manager;
    this.encoderHidden = encoderHidden;
    this.sourceMask = sourceMask;
    this.sentences = sentences;
    this.sourceLength = sourceMask.length / sentences;
    this.repeat = repeat;
    this.rows = sentences * repeat;
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

  /** The logits of every search row (rows not computed at this step repeat their sentence's). */
  @Override
  public float[] next(long[] tokens, int[] parents) {
    try (NDManager scratch = manager.newSubManager()) {
      float[] computed = run(tokens, parents, null, scratch).toFloatArray();
      int vocab = model.config().vocabSize();
      float[] all = new float[rows * vocab];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(computed, decoderRow[r] * vocab, all, r * vocab, vocab);
      }
      return all;
    }
  }

  /**
   * Runs the step and the logits head ({@link MarianModel#logitsHead}) on the logits while they are
   * still ONNX Runtime tensors, so only {@code k + 2} numbers per row come back to Java. Rows not
   * active get no candidates (tokens -1, values -inf).
   */
  @Override
  public StepScores scores(
      long[] tokens,
      int[] parents,
      boolean[] active,
      SearchSettings settings,
      int k,
      boolean rankLogProbs) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray logits = run(tokens, parents, active, scratch);
      int computed = (int) logits.getShape().get(0);
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
      if (special.length != 2 * computed) {
        throw new IllegalStateException(
            "logits head returned " + special.length / 2 + " rows, expected " + computed);
      }
      boolean[] bad = settings.badMask();
      float[] keptValues = new float[rows * k];
      int[] keptTokens = new int[rows * k];
      float[] keptLogProbs = new float[rows * k];
      float[] eos = new float[rows];
      Arrays.fill(keptValues, Float.NEGATIVE_INFINITY);
      Arrays.fill(keptLogProbs, Float.NEGATIVE_INFINITY);
      Arrays.fill(keptTokens, -1);
      Arrays.fill(eos, Float.NEGATIVE_INFINITY);
      for (int r = 0; r < rows; r++) {
        int c = decoderRow[r];
        if (c < 0 || (active != null && !active[r])) {
          continue;
        }
        // log_softmax without pad = log_softmax over all tokens - log(1 - p(pad)).
        double padShift = Math.log1p(-Math.exp(special[2 * c + 1]));
        eos[r] = (float) (special[2 * c] - padShift);
        int kept = 0;
        for (int j = 0; j < asked && kept < k; j++) {
          int token = (int) ids[c * asked + j];
          if (bad[token]) {
            continue;
          }
          float logProb = (float) (logProbs[c * asked + j] - padShift);
          keptValues[r * k + kept] = rankLogProbs ? logProb : values[c * asked + j];
          keptTokens[r * k + kept] = token;
          keptLogProbs[r * k + kept] = logProb;
          kept++;
        }
      }
      return new StepScores(k, keptValues, keptTokens, keptLogProbs, eos);
    }
  }

  /**
   * One decoder step; the logits (one row per cache row) belong to {@code scratch}, the new cache
   * to this decoder. Afterwards {@link #decoderRow} says which logits row serves which search row.
   */
  private NDArray run(long[] tokens, int[] parents, boolean[] active, NDManager scratch) {
    if (tokens.length != rows) {
      throw new IllegalArgumentException("expected " + rows + " rows, got " + tokens.length);
    }
    Map<String, NDArray> in = new HashMap<>();
    OnnxSession session;
    long[] feedTokens;
    if (step == 0) {
      feedTokens = firstStep(tokens, in, scratch);
      session = model.firstDecoder();
    } else {
      session = model.cachedDecoder();
      feedTokens = arrange(tokens, parents, active, scratch);
      if (model.merged()) {
        in.put(MarianModel.USE_CACHE_BRANCH, scratch.create(new boolean[] {true}));
      }
      for (int i = 0; i < 2 * layers; i++) {
        in.put(pastDecoder[i], decoderCache[i]);
        in.put(pastEncoder[i], encoderCache[i]);
      }
      in.put(MarianModel.ENCODER_MASK, encoderMask);
      // The merged graph declares this input at every step, but only its step-0 branch reads it
      // (decoder_with_past does not declare it): the one row per sentence is fed as it is.
      in.put(MarianModel.ENCODER_HIDDEN, encoderHidden);
    }
    int n = feedTokens.length;
    // input_ids decides which manager owns the outputs: the scratch one, closed after the step.
    in.put(MarianModel.INPUT_IDS, scratch.create(feedTokens, new Shape(n, 1)));
    NDList out = session.run(in);
    rowsPerStep.add(n);
    NDArray logits = session.output(out, MarianModel.LOGITS);
    int vocab = model.config().vocabSize();
    long[] shape = logits.getShape().getShape();
    if (shape.length != 3 || shape[0] != n || shape[2] != vocab) {
      throw new IllegalStateException(
          session.file()
              + ": logits have shape "
              + logits.getShape()
              + ", expected ["
              + n
              + ", 1, "
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
    replace(decoderCache, nextDecoder);
    decoderCache = nextDecoder;
    step++;
    return logits;
  }

  /**
   * Step 0's inputs besides input_ids: one row per sentence when its beams are alike (a search
   * starts every beam from the decoder start token). Returns the tokens to feed.
   */
  private long[] firstStep(long[] tokens, Map<String, NDArray> in, NDManager scratch) {
    boolean alike = true;
    for (int r = 0; r < rows && alike; r++) {
      alike = tokens[r] == tokens[r - r % repeat];
    }
    int width = alike ? sentences : rows;
    fed = new int[rows];
    decoderRow = new int[rows];
    encoderRow = new int[rows];
    long[] mask = new long[width * sourceLength];
    for (int r = 0; r < rows; r++) {
      fed[r] = r;
      decoderRow[r] = alike ? r / repeat : r;
      encoderRow[r] = decoderRow[r];
    }
    for (int w = 0; w < width; w++) {
      int sentence = alike ? w : w / repeat;
      System.arraycopy(sourceMask, sentence * sourceLength, mask, w * sourceLength, sourceLength);
    }
    in.put(MarianModel.ENCODER_MASK, scratch.create(mask, new Shape(width, sourceLength)));
    NDArray hidden = encoderHidden;
    if (!alike) {
      long[] sentenceOf = new long[rows];
      for (int r = 0; r < rows; r++) {
        sentenceOf[r] = r / repeat;
      }
      hidden = gather(encoderHidden, scratch.create(sentenceOf), scratch);
    }
    in.put(MarianModel.ENCODER_HIDDEN, hidden);
    if (model.merged()) {
      in.put(MarianModel.USE_CACHE_BRANCH, scratch.create(new boolean[] {false}));
      MarianConfig c = model.config();
      Shape empty = new Shape(width, c.decoderHeads(), 0, c.headDim());
      for (int i = 0; i < 2 * layers; i++) {
        in.put(pastDecoder[i], scratch.create(FloatBuffer.allocate(0), empty));
        in.put(pastEncoder[i], scratch.create(FloatBuffer.allocate(0), empty));
      }
    }
    long[] feed = new long[width];
    for (int r = 0; r < rows; r++) {
      feed[decoderRow[r]] = tokens[r];
    }
    return feed;
  }

  /**
   * Decides which search rows this step computes, gathers the caches into that order, and returns
   * the tokens to feed. Rows dropped from the cache stay dropped: a search never revives a finished
   * row.
   */
  private long[] arrange(long[] tokens, int[] parents, boolean[] active, NDManager scratch) {
    int idle = 0;
    for (int r : fed) {
      if (active != null && !active[r]) {
        idle++;
      }
    }
    int[] next = fed;
    if (idle > 0 && idle >= Math.max(1, fed.length / 8)) {
      next = new int[fed.length - idle];
      int i = 0;
      for (int r : fed) {
        if (active[r]) {
          next[i++] = r;
        }
      }
    }
    long[] decoderIndex = new long[next.length];
    long[] encoderIndex = new long[next.length];
    boolean decoderSame = next.length == decoderCacheRows();
    boolean encoderSame = next.length == encoderCacheRows();
    for (int i = 0; i < next.length; i++) {
      int r = next[i];
      // An idle row's token is ignored; it keeps its own history rather than a parent's.
      int parent = parents == null || (active != null && !active[r]) ? r : parents[r];
      if (decoderRow[parent] < 0) {
        throw new IllegalStateException("row " + r + " continues row " + parent + ", dropped");
      }
      decoderIndex[i] = decoderRow[parent];
      encoderIndex[i] = encoderRow[r];
      decoderSame &= decoderIndex[i] == i;
      encoderSame &= encoderIndex[i] == i;
    }
    if (!decoderSame) {
      NDArray index = scratch.create(decoderIndex);
      for (int i = 0; i < decoderCache.length; i++) {
        NDArray old = decoderCache[i];
        decoderCache[i] = gather(old, index, manager);
        old.close();
      }
    }
    if (!encoderSame) {
      NDArray index = scratch.create(encoderIndex);
      for (int i = 0; i < encoderCache.length; i++) {
        NDArray old = encoderCache[i];
        encoderCache[i] = gather(old, index, manager);
        old.close();
      }
    }
    if (encoderMask == null || next != fed) {
      long[] mask = new long[next.length * sourceLength];
      for (int i = 0; i < next.length; i++) {
        int sentence = next[i] / repeat;
        System.arraycopy(sourceMask, sentence * sourceLength, mask, i * sourceLength, sourceLength);
      }
      if (encoderMask != null) {
        encoderMask.close();
      }
      encoderMask = manager.create(mask, new Shape(next.length, sourceLength));
    }
    Arrays.fill(decoderRow, -1);
    Arrays.fill(encoderRow, -1);
    long[] feed = new long[next.length];
    for (int i = 0; i < next.length; i++) {
      decoderRow[next[i]] = i;
      encoderRow[next[i]] = i;
      feed[i] = tokens[next[i]];
    }
    fed = next;
    return feed;
  }

  /**
   * Gather(data, rows) on axis 0 inside ONNX Runtime: the cache never travels through Java (copying
   * it out and back in at every step cost rows * layers * 2 * heads * length * head_dim floats
   * twice).
   */
  private NDArray gather(NDArray data, NDArray index, NDManager owner) {
    OnnxSession g = model.reorderRows();
    Map<String, NDArray> in = new HashMap<>();
    in.put("data", data);
    in.put("rows", index);
    NDArray moved = g.output(g.run(in), "reordered");
    moved.attach(owner);
    return moved;
  }

  private int decoderCacheRows() {
    return (int) decoderCache[0].getShape().get(0);
  }

  private int encoderCacheRows() {
    return (int) encoderCache[0].getShape().get(0);
  }

  private static void replace(NDArray[] old, NDArray[] now) {
    if (old != null && old != now) {
      for (NDArray a : old) {
        a.close();
      }
    }
  }

  /** How many steps ran (for tests and benchmarks). */
  public int steps() {
    return step;
  }

  /** How many decoder rows each step computed (for tests and benchmarks). */
  public List<Integer> rowsPerStep() {
    return List.copyOf(rowsPerStep);
  }

  @Override
  public void close() {
    manager.close();
  }
}
