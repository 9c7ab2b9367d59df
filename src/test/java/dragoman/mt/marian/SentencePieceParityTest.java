package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dragoman's tokenizer on the fixture's source.spm/target.spm/vocab.json against SentencePiece's
 * own encoding and decoding: {@code reference/sentencepiece.json} was written by Debian's
 * python3-sentencepiece (models/tools/spm_reference.py) for the built-in German sample with its
 * hard cases, the seed articles and the 1,000 newstest2021 German sources.
 */
class SentencePieceParityTest {
  record Case(String from, String text, List<String> pieces, long[] ids, String decoded) {}

  static List<Case> cases;

  @BeforeAll
  static void read() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(TinyMarian.DIR.resolve("reference").resolve("sentencepiece.json").toFile());
    cases = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      List<String> pieces = new ArrayList<>();
      c.get("pieces").forEach(p -> pieces.add(p.asText()));
      long[] ids = new long[c.get("ids").size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = c.get("ids").get(i).asLong();
      }
      cases.add(
          new Case(
              c.get("from").asText(),
              c.get("text").asText(),
              pieces,
              ids,
              c.get("decoded").asText()));
    }
  }

  private static List<Integer> boxed(long[] ids) {
    List<Integer> out = new ArrayList<>(ids.length);
    for (long id : ids) {
      out.add((int) id);
    }
    return out;
  }

  @Test
  void referenceCoversAThousandSentencesAndTheHardCases() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(cases.stream().filter(c -> c.from().equals("newstest2021"))).hasSize(1000);
    assertThat(cases.stream().map(Case::text))
        .anyMatch(t -> t.contains("\u00a0"))
        .anyMatch(t -> t.contains("\u200b"))
        .anyMatch(t -> t.contains("\u0308"))
        .anyMatch(t -> t.contains("ﬁ"))
        .anyMatch(t -> t.contains("Ａ"))
        .anyMatch(t -> t.contains("😀"))
        .anyMatch(t -> t.contains("ẞ"))
        .anyMatch(t -> t.length() >= 300 && !t.contains(" "));
    // The hard cases reach SentencePiece's unknown-piece path, which vocab.json maps to <unk>.
    assertThat(cases.stream().filter(c -> boxed(c.ids()).contains(1))).hasSizeGreaterThan(10);
  }

  @Test
  void encodesEverySentenceAsSentencePieceDoes() throws Exception {
    List<String> differ = new ArrayList<>();
    try (MarianTokenizer ours = MarianTokenizer.loadSentencePiece(TinyMarian.DIR)) {
      assertThat(ours.kind()).isEqualTo(MarianTokenizer.Kind.SENTENCEPIECE);
      for (Case c : cases) {
        if (!ours.pieces(c.text()).equals(c.pieces())
            || !boxed(ours.encode(c.text())).equals(boxed(c.ids()))) {
          differ.add(c.from() + ": " + c.text());
        }
      }
    }
    assertThat(differ).as("sentences encoded unlike SentencePiece").isEmpty();
  }

  @Test
  void decodesEveryEncodingAsSentencePieceDoes() throws Exception {
    List<String> differ = new ArrayList<>();
    try (MarianTokenizer ours = MarianTokenizer.loadSentencePiece(TinyMarian.DIR)) {
      for (Case c : cases) {
        String got = ours.decode(boxed(c.ids()));
        if (!got.equals(c.decoded())) {
          differ.add(c.from() + ": " + c.decoded() + " | ours: " + got);
        }
      }
    }
    assertThat(differ).as("encodings decoded unlike SentencePiece").isEmpty();
  }
}
