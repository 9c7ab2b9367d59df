package dragoman.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Och and Ney (2003) precision, recall and AER, worked out by hand. */
class WordAlignmentScoresTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void computesPrecisionRecallAndAerWithPossibleLinks() throws IOException {
    // Gold S = {0-0, 1-1}, P = S + {1-2}; test A = {0-0, 1-2, 2-2}.
    // |A∩S| = 1, |A∩P| = 2: precision 2/3, recall 1/2, AER = 1 - (1 + 2) / (3 + 2) = 0.4.
    List<WordLinks> gold = WordAlignmentFile.read(write("g", "0-0 1-1 1?2\n"));
    List<WordLinks> test = WordAlignmentFile.read(write("t", "0-0 1-2 2-2\n"));
    WordAlignmentScores s = WordAlignmentScores.of(gold, test);
    assertThat(s.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(s.aer()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void readsNaaclGoldTheSameAsPharaoh() throws IOException {
    // The gold format of the word-alignment sets eval/README.md lists: "sentence src tgt S|P".
    List<WordLinks> naacl =
        WordAlignmentFile.read(write("g.wa", "1 0 0 S \n1 1 1 S\n1 1 2 P\n3 0 0\n"));
    List<WordLinks> pharaoh = WordAlignmentFile.read(write("g.txt", "0-0 1-1 1p2\n\n0-0\n"));
    assertThat(naacl).isEqualTo(pharaoh);
    assertThat(naacl).hasSize(3);
    assertThat(naacl.get(1).possible()).isEmpty();
  }

  @Test
  void emptyPredictionHasAerOne() throws IOException {
    // A = {}: precision 0 (nothing predicted), recall 0, AER = 1 - 0 / (0 + 2) = 1.
    WordAlignmentScores s =
        WordAlignmentScores.of(
            WordAlignmentFile.read(write("g", "0-0 1-1\n")),
            WordAlignmentFile.read(write("t", "\n")));
    assertThat(s.precision()).isZero();
    assertThat(s.recall()).isZero();
    assertThat(s.aer()).isEqualTo(1.0);
  }

  @Test
  void perfectSureAlignmentHasAerZero() throws IOException {
    List<WordLinks> gold = WordAlignmentFile.read(write("g", "0-0 1-1\n2-0\n"));
    assertThat(WordAlignmentScores.of(gold, gold).aer()).isZero();
  }

  @Test
  void rejectsMalformedLinksAndLengthMismatch() throws IOException {
    Path bad = write("bad", "0-0 x\n");
    assertThatThrownBy(() -> WordAlignmentFile.read(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad:1");
    List<WordLinks> one = WordAlignmentFile.read(write("one", "0-0\n"));
    List<WordLinks> two = WordAlignmentFile.read(write("two", "0-0\n0-0\n"));
    assertThatThrownBy(() -> WordAlignmentScores.of(one, two))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
