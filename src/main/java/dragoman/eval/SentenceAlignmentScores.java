package dragoman.eval;

import dragoman.align.Bead;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict and lax precision, recall and F1 of a sentence alignment against a gold one, exactly as
 * vecalign's {@code score.py} ({@code score_multiple}, after Sennrich and Volk 2011, W11-4624).
 *
 * <p>Precision counts test beads (as a set, beads empty on both sides dropped): a bead in the gold
 * set is a strict and lax hit; any other is a strict miss, and a lax hit if one of its target
 * sentences is linked in the gold to one of its source sentences. Recall is the same computation
 * with the roles swapped and 1-0 / 0-1 beads removed from both sides. Counts are summed over all
 * document pairs before dividing; a division by zero gives 0, as in vecalign.
 */
public record SentenceAlignmentScores(
    double precisionStrict,
    double recallStrict,
    double f1Strict,
    double precisionLax,
    double recallLax,
    double f1Lax) {

  /** Scores one document pair. */
  public static SentenceAlignmentScores of(List<Bead> gold, List<Bead> test) {
    return ofDocuments(List.of(gold), List.of(test));
  }

  /** Scores several document pairs together (vecalign's {@code score_multiple}). */
  public static SentenceAlignmentScores ofDocuments(
      List<List<Bead>> golds, List<List<Bead>> tests) {
    if (golds.size() != tests.size()) {
      throw new IllegalArgumentException(
          golds.size() + " gold alignments but " + tests.size() + " test alignments");
    }
    long[] p = new long[4];
    long[] r = new long[4];
    for (int d = 0; d < golds.size(); d++) {
      add(p, counts(golds.get(d), tests.get(d)));
      // Recall: precision with insertions/deletions removed and the arguments swapped.
      add(r, counts(withoutInsertions(tests.get(d)), withoutInsertions(golds.get(d))));
    }
    double pStrict = ratio(p[0], p[0] + p[1]);
    double pLax = ratio(p[2], p[2] + p[3]);
    double rStrict = ratio(r[0], r[0] + r[1]);
    double rLax = ratio(r[2], r[2] + r[3]);
    return new SentenceAlignmentScores(
        pStrict, rStrict, f1(pStrict, rStrict), pLax, rLax, f1(pLax, rLax));
  }

  /** vecalign's {@code _precision}: [tp strict, fp strict, tp lax, fp lax]. */
  private static long[] counts(List<Bead> gold, List<Bead> test) {
    Set<List<List<Integer>>> goldSet = new HashSet<>();
    Map<Integer, Set<Integer>> goldTargetsOfSource = new HashMap<>();
    for (Bead b : gold) {
      goldSet.add(List.of(b.source(), b.target()));
      for (int s : b.source()) {
        goldTargetsOfSource.computeIfAbsent(s, k -> new HashSet<>()).addAll(b.target());
      }
    }
    Set<List<List<Integer>>> testSet = new LinkedHashSet<>();
    for (Bead b : test) {
      testSet.add(List.of(b.source(), b.target()));
    }
    long[] c = new long[4];
    for (List<List<Integer>> bead : testSet) {
      if (goldSet.contains(bead)) {
        c[0]++;
        c[2]++;
        continue;
      }
      Set<Integer> targets = new HashSet<>();
      for (int s : bead.get(0)) {
        targets.addAll(goldTargetsOfSource.getOrDefault(s, Set.of()));
      }
      c[1]++;
      boolean overlap = false;
      for (int t : bead.get(1)) {
        overlap |= targets.contains(t);
      }
      if (overlap) {
        c[2]++;
      } else {
        c[3]++;
      }
    }
    return c;
  }

  private static List<Bead> withoutInsertions(List<Bead> beads) {
    return beads.stream().filter(b -> !b.source().isEmpty() && !b.target().isEmpty()).toList();
  }

  private static void add(long[] into, long[] c) {
    for (int i = 0; i < into.length; i++) {
      into[i] += c[i];
    }
  }

  private static double ratio(long num, long den) {
    return den == 0 ? 0.0 : num / (double) den;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0.0 : 2 * (p * r) / (p + r);
  }
}
