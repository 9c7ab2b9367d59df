package dragoman.mt.marian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Beam search with the semantics of Hugging Face transformers' {@code BeamSearchScorer} and {@code
 * BeamHypotheses} (src/transformers/generation/beam_search.py, read at commit 4e7bd11f) driven as
 * {@code GenerationMixin._beam_search} drives them, with {@code num_return_sequences = 1}:
 *
 * <ul>
 *   <li>every sentence starts with {@code num_beams} copies of the decoder start token; beam 0
 *       scores 0 and the others -1e9, so the first step expands beam 0 only;
 *   <li>scores are {@code log_softmax(logits)} with pad set to -inf first ({@code
 *       MarianMTModel.adjust_logits_during_generation}), then the processors (bad ids to -inf; at
 *       {@code cur_len == max_length - 1} everything to -inf except EOS, which becomes 0), plus the
 *       beam's running score;
 *   <li>the best {@code 2 * num_beams} candidates over all beams of a sentence are walked in order:
 *       an EOS candidate among the first {@code num_beams} becomes a finished hypothesis scored
 *       {@code sum / generated^length_penalty} (generated counts EOS, not the start token); other
 *       candidates fill the next beams until {@code num_beams} are taken;
 *   <li>a sentence is done when it has {@code num_beams} finished hypotheses and either {@code
 *       early_stopping} is true or the best running score over {@code generated^length_penalty}
 *       cannot beat the worst finished one; at its length limit the open beams are added too;
 *   <li>the result is the best finished hypothesis (on ties the one added last, as Python's stable
 *       sort and {@code pop()} pick).
 * </ul>
 *
 * <p>Each sentence may have its own {@code max_length}, so a sentence gets the same output whatever
 * batch it is in.
 */
public final class BeamSearch {
  private static final float INITIAL_OTHER_BEAMS = -1e9f;

  private final SearchSettings settings;
  private final boolean[] bad;

  public BeamSearch(SearchSettings settings) {
    this.settings = settings;
    this.bad = settings.badMask();
  }

  /** Finished hypotheses of one sentence (transformers' {@code BeamHypotheses}). */
  static final class Finished {
    private final int numBeams;
    private final double lengthPenalty;
    private final boolean earlyStopping;
    private final List<Hypothesis> beams = new ArrayList<>();
    private double worstScore = 1e9;

    Finished(int numBeams, double lengthPenalty, boolean earlyStopping) {
      this.numBeams = numBeams;
      this.lengthPenalty = lengthPenalty;
      this.earlyStopping = earlyStopping;
    }

    int size() {
      return beams.size();
    }

    void add(List<Integer> tokens, double searchSum, double trueSum, int generated) {
      double score = searchSum / Math.pow(generated, lengthPenalty);
      if (beams.size() < numBeams || score > worstScore) {
        beams.add(new Hypothesis(tokens, trueSum, generated, score));
        if (beams.size() > numBeams) {
          // sorted([(s, idx)]) then del the first: on equal scores the earlier entry goes.
          int worst = 0;
          for (int i = 1; i < beams.size(); i++) {
            if (beams.get(i).score() < beams.get(worst).score()) {
              worst = i;
            }
          }
          beams.remove(worst);
          double next = Double.POSITIVE_INFINITY;
          for (Hypothesis h : beams) {
            next = Math.min(next, h.score());
          }
          worstScore = next;
        } else {
          worstScore = Math.min(score, worstScore);
        }
      }
    }

    /** {@code is_done(best_sum_logprobs, cur_len)} with {@code decoder_prompt_len = 1}. */
    boolean isDone(double bestSum, int generated) {
      if (beams.size() < numBeams) {
        return false;
      }
      if (earlyStopping) {
        return true;
      }
      return worstScore >= bestSum / Math.pow(generated, lengthPenalty);
    }

    Hypothesis best() {
      Hypothesis best = null;
      for (Hypothesis h : beams) {
        if (best == null || h.score() >= best.score()) {
          best = h;
        }
      }
      return best;
    }
  }

  /**
   * @param maxLengths per sentence, the Hugging Face {@code max_length} (decoder start included; at
   *     least 2)
   * @return the best hypothesis of each sentence
   */
  public List<Hypothesis> run(DecoderStep step, int[] maxLengths) {
    int k = settings.numBeams();
    int sentences = maxLengths.length;
    int rows = sentences * k;
    int vocab = settings.vocabSize();
    for (int m : maxLengths) {
      if (m < 2) {
        throw new IllegalArgumentException("max length must be at least 2, got " + m);
      }
    }
    float[] beamScores = new float[rows];
    double[] trueSums = new double[rows];
    List<List<Integer>> seqs = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      beamScores[r] = r % k == 0 ? 0f : INITIAL_OTHER_BEAMS;
      seqs.add(List.of());
    }
    long[] last = new long[rows];
    Arrays.fill(last, settings.decoderStartId());
    Finished[] finished = new Finished[sentences];
    boolean[] done = new boolean[sentences];
    for (int s = 0; s < sentences; s++) {
      finished[s] = new Finished(k, settings.lengthPenalty(), settings.earlyStopping());
    }
    int[] parents = null;
    int curLen = 1;
    int open = sentences;
    int keep = 2 * k;
    float[] topScores = new float[keep];
    int[] topIndex = new int[keep];
    double[] logZ = new double[rows];
    while (open > 0) {
      float[] logits = step.next(last, parents);
      if (logits.length != rows * vocab) {
        throw new IllegalStateException(
            "decoder returned " + logits.length + " logits for " + rows + " rows of " + vocab);
      }
      for (int r = 0; r < rows; r++) {
        logZ[r] = done[r / k] ? 0 : LogSoftmax.logSumExp(logits, r, vocab, settings.padId());
      }
      int[] nextParents = new int[rows];
      long[] nextTokens = new long[rows];
      float[] nextScores = new float[rows];
      double[] nextTrue = new double[rows];
      List<List<Integer>> nextSeqs = new ArrayList<>(rows);
      for (int s = 0; s < sentences; s++) {
        int base = s * k;
        if (done[s]) {
          for (int j = 0; j < k; j++) {
            nextParents[base + j] = base + j;
            nextTokens[base + j] = settings.padId();
            nextScores[base + j] = 0f;
            nextTrue[base + j] = trueSums[base + j];
            nextSeqs.add(seqs.get(base + j));
          }
          continue;
        }
        boolean forceEos = curLen == maxLengths[s] - 1;
        int found = topCandidates(logits, logZ, beamScores, base, forceEos, topScores, topIndex);
        int beam = 0;
        for (int rank = 0; rank < found && beam < k; rank++) {
          int row = base + topIndex[rank] / vocab;
          int token = topIndex[rank] % vocab;
          double tokenLogProb = logits[row * vocab + token] - logZ[row];
          if (token == settings.eosId()) {
            if (rank >= k) {
              continue;
            }
            finished[s].add(seqs.get(row), topScores[rank], trueSums[row] + tokenLogProb, curLen);
          } else {
            int target = base + beam;
            nextParents[target] = row;
            nextTokens[target] = token;
            nextScores[target] = topScores[rank];
            nextTrue[target] = trueSums[row] + tokenLogProb;
            List<Integer> seq = new ArrayList<>(seqs.get(row).size() + 1);
            seq.addAll(seqs.get(row));
            seq.add(token);
            nextSeqs.add(seq);
            beam++;
          }
        }
        if (beam < k) {
          throw new IllegalStateException("fewer than num_beams candidates that are not EOS");
        }
        done[s] = finished[s].isDone(topScores[0], curLen);
        if (!done[s] && curLen + 1 >= maxLengths[s]) {
          // The length limit ends this sentence: finalize() adds the open beams.
          for (int j = 0; j < k; j++) {
            finished[s].add(
                nextSeqs.get(base + j), nextScores[base + j], nextTrue[base + j], curLen);
          }
          done[s] = true;
        }
        if (done[s]) {
          open--;
        }
      }
      parents = nextParents;
      last = nextTokens;
      beamScores = nextScores;
      trueSums = nextTrue;
      seqs = nextSeqs;
      curLen++;
    }
    List<Hypothesis> out = new ArrayList<>(sentences);
    for (Finished f : finished) {
      out.add(f.best());
    }
    return out;
  }

  /**
   * The best {@code 2k} candidates of one sentence, best first; equal scores keep the lower flat
   * index (beam * vocab + token) first. Returns how many were found (fewer only for tiny
   * vocabularies).
   */
  private int topCandidates(
      float[] logits,
      double[] logZ,
      float[] beamScores,
      int base,
      boolean forceEos,
      float[] topScores,
      int[] topIndex) {
    int k = settings.numBeams();
    int vocab = settings.vocabSize();
    int keep = topScores.length;
    int found = 0;
    for (int j = 0; j < k; j++) {
      int row = base + j;
      float running = beamScores[row];
      for (int t = 0; t < vocab; t++) {
        float processed;
        if (forceEos) {
          processed = t == settings.eosId() ? 0f : Float.NEGATIVE_INFINITY;
        } else if (bad[t]) {
          processed = Float.NEGATIVE_INFINITY;
        } else {
          processed = (float) (logits[row * vocab + t] - logZ[row]);
        }
        float score = processed + running;
        if (found == keep && !(score > topScores[keep - 1])) {
          continue;
        }
        int pos = found < keep ? found++ : keep - 1;
        while (pos > 0 && score > topScores[pos - 1]) {
          topScores[pos] = topScores[pos - 1];
          topIndex[pos] = topIndex[pos - 1];
          pos--;
        }
        topScores[pos] = score;
        topIndex[pos] = j * vocab + t;
      }
    }
    return found;
  }
}
