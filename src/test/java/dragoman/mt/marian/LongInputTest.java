package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.mt.ClauseSplitter;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongInputTest {
  @Test
  void aSentenceOverTheModelsLimitIsSplitTranslatedInPartsAndSaysSo() throws Exception {
    String clause = "das alte Haus am Ende der Straße wurde im Sommer renoviert";
    StringBuilder b = new StringBuilder("Im Jahr 1990");
    for (int i = 0; i < 12; i++) {
      b.append(i % 2 == 0 ? ", und " : "; ").append(clause);
    }
    String sentence = b.append('.').toString();
    GenerationOptions o = GenerationOptions.defaults().withNumBeams(1).withThreads(1);
    try (MarianTranslator t = MarianTranslator.open(TinyMarian.DIR, o)) {
      assertThat(t.inputLimit()).isEqualTo(256); // config.json and tokenizer_config.json say so
      assertThat(t.encode(sentence).length).isGreaterThan(256);
      Translation whole = t.translate(List.of(sentence)).get(0);
      List<String> parts = new ClauseSplitter(s -> t.encode(s).length, 256).split(sentence);
      assertThat(whole.splitParts()).isEqualTo(parts.size()).isGreaterThan(1);
      for (String p : parts) {
        assertThat(t.encode(p).length).isLessThanOrEqualTo(256);
      }
      List<Integer> concatenated = new ArrayList<>();
      for (Translation part : t.translate(parts)) {
        assertThat(part.splitParts()).isEqualTo(1);
        concatenated.addAll(part.tokenIds());
      }
      assertThat(whole.tokenIds()).isEqualTo(concatenated);
    }
  }

  @Test
  void theTokenizerDoesNotTruncateAt512Tokens() throws Exception {
    // DJL's HuggingFaceTokenizer truncates to 512 tokens by default; Dragoman turns that off.
    String longText = "Das alte Haus am Ende der Straße wurde renoviert. ".repeat(60);
    try (MarianTokenizer t = MarianTokenizer.load(TinyMarian.DIR.resolve("tokenizer.json"))) {
      long[] ids = t.encode(longText);
      assertThat(ids.length).isGreaterThan(600);
      assertThat(ids[ids.length - 1]).isZero(); // </s> still at the end
      long[] one = t.encode("Das alte Haus am Ende der Straße wurde renoviert.");
      assertThat(ids.length - 1).isEqualTo(60 * (one.length - 1));
    }
  }

  @Test
  void theLengthLimitFollowsTheSourceUnlessTurnedOff() throws Exception {
    // config max_length 24: at most 23 new tokens; factor 3 and offset 10 give 3n + 10.
    try (MarianTranslator t =
        MarianTranslator.open(TinyMarian.DIR, GenerationOptions.defaults().withThreads(1))) {
      assertThat(t.maxLength(2)).isEqualTo(17);
      assertThat(t.maxLength(10)).isEqualTo(24);
    }
    try (MarianTranslator t =
        MarianTranslator.open(
            TinyMarian.DIR, GenerationOptions.defaults().withMaxLengthFactor(0).withThreads(1))) {
      assertThat(t.maxLength(2)).isEqualTo(24);
    }
  }

  @Test
  void maxNewTokensReplacesBothLimitsAsInHuggingFace() throws Exception {
    // config max_length 24 and 3n + 10 would both allow more; max_new_tokens wins over both, and
    // the decoder's 256 positions still bound a larger request.
    GenerationOptions three = GenerationOptions.defaults().withMaxNewTokens(3).withThreads(1);
    try (MarianTranslator t = MarianTranslator.open(TinyMarian.DIR, three)) {
      assertThat(t.maxLength(2)).isEqualTo(4);
      assertThat(t.maxLength(100)).isEqualTo(4);
      for (Translation tr : t.translate(List.of("Das alte Haus am Ende der Straße.", "Ja."))) {
        // three generated tokens at most, the forced EOS among them
        assertThat(tr.tokenIds().size()).isLessThanOrEqualTo(2);
      }
    }
    GenerationOptions many = GenerationOptions.defaults().withMaxNewTokens(1000).withThreads(1);
    try (MarianTranslator t = MarianTranslator.open(TinyMarian.DIR, many)) {
      assertThat(t.maxLength(2)).isEqualTo(256);
    }
  }

  @Test
  void emptySentencesGiveEmptyTranslationsWithoutRunningTheModel() throws Exception {
    try (MarianTranslator t =
        MarianTranslator.open(TinyMarian.DIR, GenerationOptions.defaults().withThreads(1))) {
      List<Translation> out = t.translate(List.of("  ", "Hallo."));
      assertThat(out.get(0).text()).isEmpty();
      assertThat(out.get(0).tokenIds()).isEmpty();
      assertThat(out.get(1).tokenIds()).isNotEmpty();
    }
  }
}
