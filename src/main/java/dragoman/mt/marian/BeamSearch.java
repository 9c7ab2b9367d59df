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

  public BeamSearch(SearchSettings settings) {
    this.settings = settings;
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
    float[] candidateScores = new float[k * keep];
    int[] candidateFlat = new int[k * keep];
    double[] candidateLogProb = new double[k * keep];
    double[] topLogProb = new double[keep];
    while (open > 0) {
      // Per row, the best 2k log-probabilities hold every candidate of the sentence's best 2k.
      boolean[] active = new boolean[rows];
      for (int r = 0; r < rows; r++) {
        active[r] = !done[r / k];
      }
      StepScores scores = step.scores(last, parents, active, settings, keep, true);
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
        int found =
            topCandidates(
                scores,
                beamScores,
                base,
                forceEos,
                candidateScores,
                candidateFlat,
                candidateLogProb,
                topScores,
                topIndex,
                topLogProb);
        int beam = 0;
        for (int rank = 0; rank < found && beam < k; rank++) {
          int row = base + topIndex[rank] / vocab;
          int token = topIndex[rank] % vocab;
          double tokenLogProb = topLogProb[rank];
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
   * The best {@code 2k} candidates of one sentence, best first, from each beam's own best {@code
   * 2k}; equal scores keep the lower flat index (beam * vocab + token) first, as {@code torch.topk}
   * over the flattened scores does. Returns how many were found (fewer only for tiny vocabularies).
   */
  private int topCandidates(
      StepScores scores,
      float[] beamScores,
      int base,
      boolean forceEos,
      float[] candidateScores,
      int[] candidateFlat,
      double[] candidateLogProb,
      float[] topScores,
      int[] topIndex,
      double[] topLogProb) {
    int k = settings.numBeams();
    int vocab = settings.vocabSize();
    int per = scores.k();
    int n = 0;
    for (int j = 0; j < k; j++) {
      int row = base + j;
      float running = beamScores[row];
      if (forceEos) {
        // ForcedEOSTokenLogitsProcessor: every token -inf but EOS, which scores 0.
        candidateScores[n] = running;
        candidateFlat[n] = j * vocab + settings.eosId();
        candidateLogProb[n] = scores.eosLogProb()[row];
        n++;
        // The other tokens, all at -inf, still fill the beams in flat-index order (their
        // hypotheses can never win; the search ends for this sentence now).
        for (int t = 0, added = 0; t < vocab && added < per - 1; t++) {
          if (t != settings.eosId()) {
            candidateScores[n] = Float.NEGATIVE_INFINITY;
            candidateFlat[n] = j * vocab + t;
            candidateLogProb[n] = Double.NEGATIVE_INFINITY;
            n++;
            added++;
          }
        }
        continue;
      }
      for (int c = 0; c < per && scores.tokens()[row * per + c] >= 0; c++) {
        float processed = scores.values()[row * per + c];
        candidateScores[n] = processed + running;
        candidateFlat[n] = j * vocab + scores.tokens()[row * per + c];
        candidateLogProb[n] = scores.logProbs()[row * per + c];
        n++;
      }
    }
    int keep = topScores.length;
    int found = 0;
    for (int i = 0; i < n; i++) {
      float score = candidateScores[i];
      int flat = candidateFlat[i];
      if (found == keep && !better(score, flat, topScores[keep - 1], topIndex[keep - 1])) {
        continue;
      }
      int pos = found < keep ? found++ : keep - 1;
      while (pos > 0 && better(score, flat, topScores[pos - 1], topIndex[pos - 1])) {
        topScores[pos] = topScores[pos - 1];
        topIndex[pos] = topIndex[pos - 1];
        topLogProb[pos] = topLogProb[pos - 1];
        pos--;
      }
      topScores[pos] = score;
      topIndex[pos] = flat;
      topLogProb[pos] = candidateLogProb[i];
    }
    return found;
  }

  private static boolean better(float score, int flat, float otherScore, int otherFlat) {
    return score > otherScore || (score == otherScore && flat < otherFlat);
  }
}
