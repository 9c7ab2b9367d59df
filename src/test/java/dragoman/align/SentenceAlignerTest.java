package dragoman.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceAlignerTest {
  private final SentenceAligner aligner = new SentenceAligner(AlignOptions.defaults());

  private static final List<String> DE =
      List.of(
          "Die Expedition brach am 3. April 1956 von Kathmandu auf.",
          "Das Wetter war schlecht.",
          "Nach zwei Wochen erreichten die Träger das Basislager am Fuss des Gletschers, wo die"
              + " Bergsteiger ihre Zelte aufschlugen.",
          "Am 18. Mai standen Reiss und Luchsinger auf dem Gipfel des Lhotse.");
  private static final List<String> EN =
      List.of(
          "The expedition left Kathmandu on 3 April 1956.",
          "The weather was bad.",
          "After two weeks the porters reached the base camp at the foot of the glacier.",
          "There the climbers pitched their tents.",
          "On 18 May Reiss and Luchsinger stood on the summit of Lhotse.");

  private static String vec(List<Bead> beads) {
    List<String> out = new ArrayList<>();
    for (Bead b : beads) {
      out.add(b.toVecalign());
    }
    return String.join(" ", out);
  }

  /** Every sentence of both sides in exactly one bead, in order. */
  private static void assertCoversMonotonically(List<Bead> beads, int n, int m) {
    int i = 0;
    int j = 0;
    for (Bead b : beads) {
      for (int s : b.source()) {
        assertThat(s).isEqualTo(i++);
      }
      for (int t : b.target()) {
        assertThat(t).isEqualTo(j++);
      }
    }
    assertThat(i).isEqualTo(n);
    assertThat(j).isEqualTo(m);
  }

  @Test
  void findsTheSentenceSplitInTranslation() {
    assertThat(vec(aligner.align(DE, EN))).isEqualTo("[0]:[0] [1]:[1] [2]:[2,3] [3]:[4]");
  }

  @Test
  void lengthAloneAlsoFindsThisEasyCase() {
    SentenceAligner lengthOnly = new SentenceAligner(AlignOptions.defaults().withAnchors(false));
    assertThat(vec(lengthOnly.align(DE, EN))).isEqualTo("[0]:[0] [1]:[1] [2]:[2,3] [3]:[4]");
  }

  @Test
  void aDocumentAlignedWithItselfIsTheDiagonal() {
    List<Bead> beads = aligner.align(DE, DE);
    assertThat(vec(beads)).isEqualTo("[0]:[0] [1]:[1] [2]:[2] [3]:[3]");
  }

  @Test
  void identicalSentencesEverywhereStillAlignOneToOne() {
    List<String> same = Collections.nCopies(50, "Der Berg ist hoch.");
    List<Bead> beads = aligner.align(same, same);
    assertThat(beads).hasSize(50).allMatch(b -> b.source().size() == 1 && b.target().size() == 1);
  }

  @Test
  void emptySideLeavesEverySentenceOfTheOtherUnaligned() {
    assertThat(vec(aligner.align(List.of(), EN.subList(0, 2)))).isEqualTo("[]:[0] []:[1]");
    assertThat(vec(aligner.align(DE.subList(0, 2), List.of()))).isEqualTo("[0]:[] [1]:[]");
    assertThat(aligner.align(List.of(), List.of())).isEmpty();
  }

  @Test
  void oneSideTenTimesLongerCoversBothSides() {
    List<String> longer = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      longer.addAll(EN);
    }
    List<Bead> beads = aligner.align(DE, longer);
    assertCoversMonotonically(beads, DE.size(), longer.size());
    // Gale and Church's deletion cost grows with the sentence's length, so spare target sentences
    // join neighbouring links rather than stand alone; no German sentence is dropped.
    assertThat(beads).allMatch(b -> !b.source().isEmpty() || b.target().size() == 1);
    assertThat(beads.stream().filter(b -> b.target().isEmpty())).isEmpty();
  }

  @Test
  void blankSentencesJoinANeighbourAndKeepTheOthersInPlace() {
    List<String> withBlank = new ArrayList<>(EN);
    withBlank.add(2, "");
    List<Bead> beads = aligner.align(DE, withBlank);
    assertCoversMonotonically(beads, DE.size(), withBlank.size());
    assertThat(vec(beads)).startsWith("[0]:[0] [1]:[1");
    assertThat(vec(beads)).endsWith("[3]:[5]");
  }

  @Test
  void translationPicksTheRightLinksWhereLengthsMislead() {
    // The first English sentence is a loose, long rendering of the first German one; by length
    // alone the first two German sentences look like its source.
    List<String> src =
        List.of(
            "Der Gletscher war steil.",
            "Wir stiegen langsam auf.",
            "Am Abend erreichten wir die Hütte unter dem Gipfel und assen.");
    List<String> tgt =
        List.of(
            "The glacier was steep, icy, crevassed, swept by falling stones and far more dangerous than any"
                + " of us had thought.",
            "We climbed slowly.",
            "In the evening we reached the hut below the summit and ate.");
    List<String> srcEnglish =
        List.of(
            "The glacier was steep.",
            "We climbed slowly.",
            "In the evening we reached the hut below the summit and ate.");
    // Lone sentences priced as Gale and Church do: otherwise leaving both first sentences
    // unlinked is the cheaper answer for so loose a rendering.
    SentenceAligner lengthOnly =
        new SentenceAligner(
            AlignOptions.defaults()
                .withAnchors(false)
                .withLoneLengthCost(Double.POSITIVE_INFINITY));
    assertThat(vec(lengthOnly.align(src, tgt))).isNotEqualTo("[0]:[0] [1]:[1] [2]:[2]");
    List<Bead> beads =
        lengthOnly.align(src, tgt, SentenceAligner.Translations.ofSource(srcEnglish));
    assertThat(vec(beads)).isEqualTo("[0]:[0] [1]:[1] [2]:[2]");
  }

  /** Five German sentences against one English one: the matching one is linked, the rest alone. */
  private static final List<String> FIVE =
      List.of(
          "Das Wetter war schlecht, und die Träger wollten nicht weiter.",
          "Nach zwei Wochen erreichten wir endlich das Basislager am Gletscher.",
          "Am 18. Mai standen Reiss und Luchsinger auf dem Gipfel des Lhotse.",
          "Der Abstieg dauerte noch einmal drei lange Tage im Sturm.",
          "Erst im Juni kehrte die ganze Mannschaft nach Kathmandu zurück.");

  private static final List<String> ONE =
      List.of("On 18 May Reiss and Luchsinger stood on the summit of Lhotse.");

  @Test
  void unequalSidesLinkTheMatchingSentenceByAnchors() {
    assertThat(vec(aligner.align(FIVE, ONE))).isEqualTo("[0]:[] [1]:[] [2]:[0] [3]:[] [4]:[]");
  }

  @Test
  void unequalSidesLinkTheMatchingSentenceByTranslation() {
    List<String> english =
        List.of(
            "The weather was bad and the porters did not want to go on.",
            "After two weeks we finally reached the base camp at the glacier.",
            "On the 18th of May Reiss and Luchsinger stood on the summit of the Lhotse.",
            "The descent took another three long days in the storm.",
            "Only in June did the whole team return to Kathmandu.");
    SentenceAligner lengthAndTranslation =
        new SentenceAligner(AlignOptions.defaults().withAnchors(false));
    assertThat(
            vec(
                lengthAndTranslation.align(
                    FIVE, ONE, SentenceAligner.Translations.ofSource(english))))
        .isEqualTo("[0]:[] [1]:[] [2]:[0] [3]:[] [4]:[]");
  }

  @Test
  void aLargeLengthMismatchGetsANotice() {
    assertThat(SentenceAligner.lengthMismatch(FIVE, ONE))
        .hasValueSatisfying(m -> assertThat(m).contains("5 sentences").contains("1 sentence"));
    assertThat(SentenceAligner.lengthMismatch(DE, EN)).isEmpty();
  }

  @Test
  void translationWithTheWrongNumberOfLinesIsRefused() {
    assertThatThrownBy(
            () -> aligner.align(DE, EN, SentenceAligner.Translations.ofSource(List.of("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 lines")
        .hasMessageContaining("4 sentences");
  }

  @Test
  void longDocumentsAreAlignedCoarseToFineWithTheSameResult() {
    AlignmentInputs data = AlignmentInputs.synthetic(150);
    AlignOptions small =
        AlignOptions.defaults().withFullSearchCells(20_000).withBand(12).withTranslationBand(15);
    List<Bead> full = aligner.align(data.source(), data.target());
    List<Bead> banded = new SentenceAligner(small).align(data.source(), data.target());
    assertCoversMonotonically(banded, data.source().size(), data.target().size());
    assertThat(vec(banded)).isEqualTo(vec(full));
  }

  /** A synthetic pair built from the sentences above, repeated with varied numbers. */
  record AlignmentInputs(List<String> source, List<String> target) {
    static AlignmentInputs synthetic(int blocks) {
      List<String> s = new ArrayList<>();
      List<String> t = new ArrayList<>();
      for (int k = 0; k < blocks; k++) {
        for (String x : DE) {
          s.add(x.replace("1956", Integer.toString(1000 + k)));
        }
        for (String x : EN) {
          t.add(x.replace("1956", Integer.toString(1000 + k)));
        }
      }
      return new AlignmentInputs(s, t);
    }
  }
}
