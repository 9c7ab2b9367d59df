package dragoman.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dragoman.align.Bead;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict/lax scores worked out by hand from vecalign's score.py. */
class SentenceAlignmentScoresTest {
  private static List<Bead> beads(String... lines) {
    return java.util.Arrays.stream(lines).map(BeadFile::parse).toList();
  }

  @Test
  void scoresStrictAndLaxLikeVecalign() {
    List<Bead> gold = beads("[0]:[0]", "[1]:[1]", "[2,3]:[2]", "[]:[3]");
    List<Bead> test = beads("[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[]", "[]:[3]");
    // Precision over the 5 test beads: [0]:[0], [1]:[1], []:[3] are gold (strict and lax hits);
    // [2]:[2] overlaps gold [2,3]:[2] on both sides (lax hit); [3]:[] has no target (lax miss).
    // Strict 3/5, lax 4/5.
    // Recall over gold beads without 0-1/1-0, against test beads without them: [0]:[0] and
    // [1]:[1] hit, [2,3]:[2] overlaps [2]:[2]: strict 2/3, lax 3/3.
    SentenceAlignmentScores s = SentenceAlignmentScores.of(gold, test);
    assertThat(s.precisionStrict()).isCloseTo(0.6, within(1e-12));
    assertThat(s.precisionLax()).isCloseTo(0.8, within(1e-12));
    assertThat(s.recallStrict()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.recallLax()).isCloseTo(1.0, within(1e-12));
    // F1 strict = 2 * (3/5 * 2/3) / (3/5 + 2/3) = 12/19; lax = 2 * 0.8 / 1.8 = 8/9.
    assertThat(s.f1Strict()).isCloseTo(12.0 / 19, within(1e-12));
    assertThat(s.f1Lax()).isCloseTo(8.0 / 9, within(1e-12));
  }

  @Test
  void identicalAlignmentsScoreOne() {
    List<Bead> gold = beads("[0]:[0,1]", "[1]:[]", "[2]:[2]");
    SentenceAlignmentScores s = SentenceAlignmentScores.of(gold, gold);
    assertThat(List.of(s.precisionStrict(), s.recallStrict(), s.f1Strict(), s.f1Lax()))
        .containsOnly(1.0);
  }

  @Test
  void disjointAlignmentsScoreZeroAndDuplicatesCountOnce() {
    List<Bead> gold = beads("[0]:[0]", "[1]:[1]");
    List<Bead> test = beads("[0]:[1]", "[0]:[1]", "[1]:[0]");
    // Test as a set: {[0]:[1], [1]:[0]}; gold links 0->0 and 1->1 only, so no lax overlap either.
    SentenceAlignmentScores s = SentenceAlignmentScores.of(gold, test);
    assertThat(s.precisionStrict()).isZero();
    assertThat(s.precisionLax()).isZero();
    assertThat(s.f1Lax()).isZero();
  }

  @Test
  void emptyTestGivesZeroNotAnError() {
    SentenceAlignmentScores s = SentenceAlignmentScores.of(beads("[0]:[0]"), List.of());
    assertThat(s.precisionStrict()).isZero();
    assertThat(s.recallStrict()).isZero();
    assertThat(s.f1Strict()).isZero();
  }

  @Test
  void sumsCountsOverDocuments() {
    // Document 1: 1 of 1 right; document 2: 0 of 1. Pooled precision 1/2 (not a mean of ratios,
    // which would also be 1/2 here, so check recall with unequal sizes too).
    List<Bead> g1 = beads("[0]:[0]", "[1]:[1]", "[2]:[2]");
    List<Bead> t1 = beads("[0]:[0]", "[1]:[1]", "[2]:[2]");
    List<Bead> g2 = beads("[0]:[0]");
    List<Bead> t2 = beads("[0]:[1]");
    SentenceAlignmentScores s =
        SentenceAlignmentScores.ofDocuments(List.of(g1, g2), List.of(t1, t2));
    assertThat(s.precisionStrict()).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(s.recallStrict()).isCloseTo(3.0 / 4, within(1e-12));
  }

  @Test
  void parsesVecalignBeadsWithOptionalCost() {
    assertThat(BeadFile.parse("[0,1]:[0]")).isEqualTo(new Bead(List.of(0, 1), List.of(0), 0));
    assertThat(BeadFile.parse(" [] : [3] :0.25")).isEqualTo(new Bead(List.of(), List.of(3), 0.25));
    assertThat(BeadFile.parse("[]:[]")).isNull();
    assertThat(BeadFile.parse("[4]:[5]").toVecalign()).isEqualTo("[4]:[5]");
  }

  @Test
  void rejectsLinesThatAreNotBeads() {
    assertThatThrownBy(() -> BeadFile.parse("0:1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BeadFile.parse("[0]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BeadFile.parse("[a]:[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
