package dragoman.mt.marian;

import dragoman.mt.BatchPlanner;
import dragoman.mt.ClauseSplitter;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.NativeStack;
import dragoman.mt.Parallelism;
import dragoman.mt.Translation;
import dragoman.mt.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * German-to-English translation with a Marian ONNX model: tokenizing ({@link MarianTokenizer}),
 * splitting over-long sentences ({@link ClauseSplitter}), batching by a token budget ({@link
 * BatchPlanner}), running the model ({@link MarianModel}, {@link CachedDecoder}) and searching
 * ({@link GreedySearch}, {@link BeamSearch}) are separate; this class wires them.
 *
 * <p>Length limit: each sentence may generate at most {@code min(max_length - 1,
 * ceil(maxLengthFactor * n) + maxLengthOffset)} tokens, EOS included, where {@code n} counts its
 * source tokens ({@code </s>} included) and {@code max_length} comes from the generation config;
 * with {@code maxLengthFactor = 0} the generation config's {@code max_length} alone applies, as in
 * transformers. The source-proportional bound (Marian NMT's {@code --max-length-factor}, default 3)
 * stops a degenerate, repeating output of a short sentence from running to 511 tokens and holding
 * its whole batch; no real translation is three times as long as its source.
 */
public final class MarianTranslator implements Translator {
  private final ModelDirectory dir;
  private final MarianConfig config;
  private final MarianTokenizer tokenizer;
  private final MarianModel model;
  private final GenerationOptions options;
  private final Parallelism parallelism;
  private final SearchSettings settings;
  private final ClauseSplitter splitter;
  private final int inputLimit;
  private volatile IntConsumer progress = n -> {};

  private MarianTranslator(
      ModelDirectory dir,
      MarianConfig config,
      MarianTokenizer tokenizer,
      MarianModel model,
      GenerationOptions options,
      Parallelism parallelism) {
    this.dir = dir;
    this.parallelism = parallelism;
    this.config = config;
    this.tokenizer = tokenizer;
    this.model = model;
    this.options = options;
    int beams =
        options.decoding().numBeams() > 0
            ? options.decoding().numBeams()
            : Math.max(1, config.numBeams());
    double lp =
        Double.isNaN(options.decoding().lengthPenalty())
            ? config.lengthPenalty()
            : options.decoding().lengthPenalty();
    boolean early =
        options.decoding().earlyStopping() == null
            ? config.earlyStopping()
            : options.decoding().earlyStopping();
    int eos = config.forcedEosId() != null ? config.forcedEosId() : config.eosId();
    this.settings =
        new SearchSettings(
            beams,
            lp,
            early,
            config.decoderStartId(),
            eos,
            config.padId(),
            config.badTokenIds().stream().mapToInt(Integer::intValue).toArray(),
            config.vocabSize());
    this.inputLimit = Math.min(config.maxPositionEmbeddings(), tokenizer.modelMaxLength());
    this.splitter = new ClauseSplitter(tokenizer::count, inputLimit);
  }

  /**
   * Opens a model directory: the entry point for every stage that translates.
   *
   * @param dir a model directory (the layout of models/README.md); see {@link
   *     dragoman.mt.ModelResolver} to find one
   * @param options generation options; {@link GenerationOptions#defaults()} for the model's own
   * @throws ModelException one line naming the file and the problem
   */
  /**
   * Resolves the model the way every command does ({@code --model}, the environment, the default
   * folder, the cache, a pull) and opens a translator on it.
   */
  public static MarianTranslator open(
      ModelResolver models, Path explicit, GenerationOptions options) throws ModelException {
    return open(
        models.resolve(explicit, options.runtime().offline(), options.runtime().quantized()),
        options);
  }

  public static MarianTranslator open(Path dir, GenerationOptions options) throws ModelException {
    return open(ModelDirectory.locate(dir, options.runtime().quantized()), options);
  }

  /** Opens located files (e.g. a chosen decoder variant). */
  public static MarianTranslator open(ModelDirectory dir, GenerationOptions options)
      throws ModelException {
    MarianConfig config = dir.readConfig();
    MarianTokenizer tokenizer = MarianTokenizer.open(dir.dir());
    try {
      if (tokenizer.vocabSize() != config.vocabSize()) {
        throw new ModelException(
            dir.tokenizerFile(),
            "defines "
                + tokenizer.vocabSize()
                + " token ids but config.json says vocab_size "
                + config.vocabSize()
                + ": tokenizer and model do not belong together");
      }
      Parallelism parallelism = Parallelism.of(options.runtime());
      MarianModel model = MarianModel.load(dir, config, parallelism.threadsPerWorker());
      return new MarianTranslator(dir, config, tokenizer, model, options, parallelism);
    } catch (ModelException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /** Called with the number of sentences finished after each batch (for progress bars). */
  public void onProgress(IntConsumer listener) {
    this.progress = listener == null ? n -> {} : listener;
  }

  /** Workers and threads, resolved for this machine. */
  public Parallelism parallelism() {
    return parallelism;
  }

  public SearchSettings settings() {
    return settings;
  }

  /** The longest input, in tokens, the model takes before a sentence is split. */
  public int inputLimit() {
    return inputLimit;
  }

  @Override
  public String modelName() {
    return dir.name();
  }

  public ModelDirectory directory() {
    return dir;
  }

  /** One unit of work: a sentence, or one part of a split sentence. */
  private record Unit(int sentence, long[] ids) {}

  @Override
  public synchronized List<Translation> translate(List<String> sentences) {
    List<Unit> units = new ArrayList<>();
    int[] parts = new int[sentences.size()];
    for (int s = 0; s < sentences.size(); s++) {
      String text = sentences.get(s).strip();
      if (text.isEmpty()) {
        continue;
      }
      long[] ids = tokenizer.encode(text);
      if (ids.length <= inputLimit) {
        units.add(new Unit(s, ids));
        parts[s] = 1;
        continue;
      }
      for (String part : splitter.split(text)) {
        units.add(new Unit(s, tokenizer.encode(part)));
        parts[s]++;
      }
    }
    Hypothesis[] results = NativeStack.call("translate", () -> run(units));
    List<List<Hypothesis>> bySentence = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      bySentence.add(new ArrayList<>());
    }
    for (int u = 0; u < units.size(); u++) {
      bySentence.get(units.get(u).sentence()).add(results[u]);
    }
    List<Translation> out = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      out.add(combine(bySentence.get(s), Math.max(1, parts[s])));
    }
    return out;
  }

  /** Token ids of each sentence as the model sees them (for tests and tools). */
  public long[] encode(String sentence) {
    return tokenizer.encode(sentence);
  }

  /** Runs the search on already tokenized inputs, in input order. */
  public synchronized List<Hypothesis> generate(List<long[]> inputs) {
    List<Unit> units = new ArrayList<>();
    for (long[] ids : inputs) {
      units.add(new Unit(units.size(), ids));
    }
    return Arrays.asList(NativeStack.call("translate", () -> run(units)));
  }

  private Hypothesis[] run(List<Unit> units) {
    Hypothesis[] results = new Hypothesis[units.size()];
    int[] lengths = units.stream().mapToInt(u -> u.ids().length).toArray();
    List<int[]> batches =
        BatchPlanner.plan(
            lengths,
            options.runtime().batchTokens(settings.numBeams()),
            settings.numBeams(),
            parallelism.workers());
    AtomicInteger done = new AtomicInteger();
    int workers = Math.min(parallelism.workers(), batches.size());
    if (workers <= 1) {
      for (int[] batch : batches) {
        runBatch(batch, units, results);
        progress.accept(done.addAndGet(batch.length));
      }
      return results;
    }
    // Several batches at once: while one worker is in Java (search, copying logits) another keeps
    // ONNX Runtime busy. Batches are taken longest first, so the last ones to finish are short.
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(null, r, "translate-worker", NativeStack.STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int[] batch : batches) {
        running.add(
            pool.submit(
                () -> {
                  runBatch(batch, units, results);
                  int finished = done.addAndGet(batch.length);
                  synchronized (done) {
                    progress.accept(finished);
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while translating", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  /** Encodes, searches and stores the results of one batch (indices into {@code units}). */
  private void runBatch(int[] batch, List<Unit> units, Hypothesis[] results) {
    int beams = settings.numBeams();
    int width = units.get(batch[0]).ids().length;
    long[][] ids = new long[batch.length][width];
    int[] real = new int[batch.length];
    int[] maxLengths = new int[batch.length];
    for (int b = 0; b < batch.length; b++) {
      long[] src = units.get(batch[b]).ids();
      Arrays.fill(ids[b], config.padId());
      System.arraycopy(src, 0, ids[b], 0, src.length);
      real[b] = src.length;
      maxLengths[b] = maxLength(src.length);
    }
    List<Hypothesis> hyps;
    try (CachedDecoder decoder = model.start(ids, real, beams)) {
      hyps =
          beams == 1
              ? new GreedySearch(settings).run(decoder, maxLengths)
              : new BeamSearch(settings).run(decoder, maxLengths);
    }
    for (int b = 0; b < batch.length; b++) {
      results[batch[b]] = hyps.get(b);
    }
  }

  /** Hugging Face {@code max_length} (decoder start included) for a source of n tokens. */
  int maxLength(int n) {
    int maxNew = options.decoding().maxNewTokens();
    if (maxNew > 0) {
      // Hugging Face: max_new_tokens replaces max_length; the decoder's positions still bound it.
      return Math.max(2, Math.min(maxNew + 1, config.maxPositionEmbeddings()));
    }
    int byConfig = Math.max(2, config.maxLength());
    if (options.decoding().maxLengthFactor() <= 0) {
      return byConfig;
    }
    long bySource =
        (long) Math.ceil(options.decoding().maxLengthFactor() * n)
            + options.decoding().maxLengthOffset()
            + 1;
    return (int) Math.max(2, Math.min(byConfig, bySource));
  }

  private Translation combine(List<Hypothesis> parts, int count) {
    if (parts.isEmpty()) {
      return new Translation("", List.of(), 0.0, 1);
    }
    List<Integer> tokens = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    double sum = 0;
    int generated = 0;
    for (Hypothesis h : parts) {
      tokens.addAll(h.tokens());
      texts.add(tokenizer.decode(h.tokens()));
      sum += h.sumLogProb();
      generated += h.generated();
    }
    String text = String.join(" ", texts.stream().filter(t -> !t.isEmpty()).toList());
    return new Translation(text, tokens, generated == 0 ? 0 : sum / generated, count);
  }

  /**
   * Nanoseconds spent inside ONNX Runtime sessions so far (see {@link MarianModel#sessionNanos}).
   */
  public long sessionNanos() {
    return model.sessionNanos();
  }

  /** Nanoseconds spent in the logits head so far (see {@link MarianModel#headNanos}). */
  public long headNanos() {
    return model.headNanos();
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
