package dragoman.mt.marian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.mt.GenerationOptions;
import dragoman.mt.Translation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token-for-token equality with the PyTorch reference (models/tools/generation.py, which follows
 * transformers' generate without a KV cache), greedy and beam 4, on both decoder variants, each
 * sentence alone and all in one batch. The int8 files are held to ONNX Runtime's own greedy
 * decoding on the machine the tests run on ({@link OrtGreedy}), not to recorded ids.
 */
class MarianParityTest {
  enum Variant {
    MERGED(ModelDirectory.DecoderVariant.MERGED),
    SPLIT(ModelDirectory.DecoderVariant.SPLIT);

    final ModelDirectory.DecoderVariant variant;

    Variant(ModelDirectory.DecoderVariant v) {
      this.variant = v;
    }
  }

  private static MarianTranslator open(Variant v, int beams, int budget, boolean quantized)
      throws Exception {
    GenerationOptions o =
        TinyMarian.AS_TRANSFORMERS
            .withNumBeams(beams)
            .withMaxBatchTokens(budget)
            .withQuantized(quantized);
    return MarianTranslator.open(ModelDirectory.locate(TinyMarian.DIR, quantized, v.variant), o);
  }

  private static void check(Variant v, int beams, String file) throws Exception {
    check(v, beams, file, new int[] {1, 100_000}, false);
  }

  private static void check(Variant v, int beams, String file, int[] budgets, boolean quantized)
      throws Exception {
    List<TinyMarian.Case> cases = TinyMarian.reference(file);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    List<String> sources = cases.stream().map(TinyMarian.Case::source).toList();
    for (int budget : budgets) {
      try (MarianTranslator t = open(v, beams, budget, quantized)) {
        List<long[]> inputs = new ArrayList<>();
        for (TinyMarian.Case c : cases) {
          assertThat(t.encode(c.source()))
              .as("tokenizer on %s", c.source())
              .containsExactly(c.inputIds());
          inputs.add(c.inputIds());
        }
        List<Hypothesis> out = t.generate(inputs);
        for (int i = 0; i < cases.size(); i++) {
          List<Integer> expected = cases.get(i).outputIds();
          List<Integer> withoutEos =
              expected.get(expected.size() - 1) == 0
                  ? expected.subList(0, expected.size() - 1)
                  : expected;
          assertThat(out.get(i).tokens())
              .as("%s, budget %d: %s", v, budget, sources.get(i))
              .isEqualTo(withoutEos);
        }
        List<Translation> translated = t.translate(sources);
        assertThat(translated).hasSize(cases.size());
        assertThat(translated.get(0).tokenIds()).isEqualTo(out.get(0).tokens());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void greedyMatchesTheReferenceTokenForToken(Variant v) throws Exception {
    check(v, 1, "greedy.json");
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void beamFourMatchesTheReferenceTokenForToken(Variant v) throws Exception {
    check(v, 4, "beam4.json");
  }

  /** The ONNX Runtime reference decoder itself gives the PyTorch reference ids on fp32. */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void ortReferenceDecoderMatchesThePyTorchReferenceOnFp32(Variant v) throws Exception {
    List<TinyMarian.Case> cases = TinyMarian.reference("greedy.json");
    try (OrtGreedy ort = new OrtGreedy(TinyMarian.DIR, "", v == Variant.MERGED)) {
      for (TinyMarian.Case c : cases) {
        List<Integer> expected = c.outputIds();
        if (expected.get(expected.size() - 1) == 0) {
          expected = expected.subList(0, expected.size() - 1);
        }
        assertThat(ort.decode(c.inputIds())).as("%s: %s", v, c.source()).isEqualTo(expected);
      }
    }
  }

  /**
   * The int8 files: int8 kernels round differently per instruction set, so the reference is ONNX
   * Runtime's own greedy decoding on this machine ({@link OrtGreedy}), not ids recorded on another
   * CPU. The graphs quantize activations per tensor at run time, so this holds for one sentence at
   * a time: batch budget 1.
   */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void quantizedGreedyMatchesOnnxRuntimeOnThisMachineOneSentenceAtATime(Variant v)
      throws Exception {
    List<TinyMarian.Case> cases = TinyMarian.reference("greedy_quantized.json");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    List<List<Integer>> expected = new ArrayList<>();
    try (OrtGreedy ort = new OrtGreedy(TinyMarian.DIR, "_quantized", v == Variant.MERGED)) {
      for (TinyMarian.Case c : cases) {
        expected.add(ort.decode(c.inputIds()));
      }
    }
    try (MarianTranslator t = open(v, 1, 1, true)) {
      List<Hypothesis> out = t.generate(cases.stream().map(TinyMarian.Case::inputIds).toList());
      for (int i = 0; i < cases.size(); i++) {
        assertThat(out.get(i).tokens())
            .as("%s int8: %s", v, cases.get(i).source())
            .isEqualTo(expected.get(i));
      }
    }
  }

  /**
   * Other num_beams, length_penalty and early_stopping settings (beam_variants.json): the tokens
   * and the length-penalised score of the best hypothesis, all sentences in one batch.
   */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void beamVariantsMatchTheReferenceTokensAndScores(Variant v) throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(TinyMarian.DIR.resolve("reference/beam_variants.json").toFile());
    assertThat(root.get("variants").size()).isGreaterThanOrEqualTo(5);
    for (JsonNode variant : root.get("variants")) {
      GenerationOptions o =
          TinyMarian.AS_TRANSFORMERS
              .withNumBeams(variant.get("num_beams").asInt())
              .withLengthPenalty(variant.get("length_penalty").asDouble())
              .withEarlyStopping(variant.get("early_stopping").asBoolean());
      try (MarianTranslator t =
          MarianTranslator.open(ModelDirectory.locate(TinyMarian.DIR, false, v.variant), o)) {
        List<long[]> inputs = new ArrayList<>();
        for (JsonNode c : variant.get("cases")) {
          long[] ids = new long[c.get("input_ids").size()];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = c.get("input_ids").get(i).asLong();
          }
          inputs.add(ids);
        }
        List<Hypothesis> out = t.generate(inputs);
        for (int i = 0; i < inputs.size(); i++) {
          JsonNode c = variant.get("cases").get(i);
          List<Integer> expected = new ArrayList<>();
          c.get("output_ids").forEach(n -> expected.add(n.asInt()));
          expected.remove(expected.size() - 1); // the final </s>
          String what = variant.toString().substring(0, 80) + " / " + c.get("source").asText();
          assertThat(out.get(i).tokens()).as(what).isEqualTo(expected);
          assertThat(out.get(i).score())
              .as(what)
              .isCloseTo(c.get("hypotheses").get(0).get("score").asDouble(), within(1e-4));
        }
      }
    }
  }
}
