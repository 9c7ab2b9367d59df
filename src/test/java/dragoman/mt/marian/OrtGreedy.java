package dragoman.mt.marian;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy decoding of one sentence, driven step by step through ONNX Runtime's own Java API (none of
 * the engine's code: no DJL, no batching, no logits head, no row dropping): the reference that the
 * engine's int8 output is held to on the machine the tests run on. int8 kernels round differently
 * per instruction set (AVX2, AVX-512, VNNI), so ids recorded on one CPU are no reference on
 * another; ONNX Runtime here is.
 *
 * <p>The cache is fed back as the graphs return it, one token at a time, as every engine with a KV
 * cache (and the fixture's reference, models/tools/generation.py greedy_cached) runs them. Decoding
 * without the cache, the whole prefix at each step, is not the same computation for these graphs:
 * they quantize activations with one scale per tensor computed at run time, and a tensor of the
 * whole prefix has another scale than the newest token's.
 *
 * <p>Generation rules as Hugging Face generate for Marian: {@code bad_words_ids [[pad]]}, forced
 * EOS at {@code max_length - 1}, stop at EOS or {@code max_length}.
 */
final class OrtGreedy implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
  private final OrtSession encoder;
  private final OrtSession first;
  private final OrtSession withPast;
  private final boolean merged;
  private final int pad;
  private final int eos;
  private final int start;
  private final int maxLength;
  private final int heads;
  private final int headDim;
  private final int layers;

  /**
   * @param suffix {@code ""} for the fp32 files, {@code "_quantized"} for the int8 ones
   * @param merged the merged decoder ({@code use_cache_branch} false, then true), else the split
   *     pair ({@code decoder_model}, then {@code decoder_with_past_model})
   */
  OrtGreedy(Path dir, String suffix, boolean merged) throws OrtException, IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode config = json.readTree(dir.resolve("config.json").toFile());
    JsonNode generation = json.readTree(dir.resolve("generation_config.json").toFile());
    pad = config.get("pad_token_id").asInt();
    eos = config.get("eos_token_id").asInt();
    start = config.get("decoder_start_token_id").asInt();
    maxLength = generation.get("max_length").asInt();
    heads = config.get("decoder_attention_heads").asInt();
    headDim = config.get("d_model").asInt() / heads;
    layers = config.get("decoder_layers").asInt();
    this.merged = merged;
    options.setIntraOpNumThreads(1);
    Path onnx = dir.resolve("onnx");
    encoder =
        env.createSession(onnx.resolve("encoder_model" + suffix + ".onnx").toString(), options);
    if (merged) {
      first =
          env.createSession(
              onnx.resolve("decoder_model_merged" + suffix + ".onnx").toString(), options);
      withPast = first;
    } else {
      first =
          env.createSession(onnx.resolve("decoder_model" + suffix + ".onnx").toString(), options);
      withPast =
          env.createSession(
              onnx.resolve("decoder_with_past_model" + suffix + ".onnx").toString(), options);
    }
  }

  /** The generated ids, without the decoder start token and without a final EOS. */
  List<Integer> decode(long[] inputIds) throws OrtException {
    long[] shape = {1, inputIds.length};
    long[] ones = new long[inputIds.length];
    java.util.Arrays.fill(ones, 1);
    try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape);
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
        OrtSession.Result enc = encoder.run(Map.of("input_ids", ids, "attention_mask", mask))) {
      OnnxTensor hidden = (OnnxTensor) enc.get("last_hidden_state").orElseThrow();
      List<Integer> seq = new ArrayList<>(List.of(start));
      Map<String, OnnxTensor> cross = new HashMap<>();
      OrtSession.Result previous = null;
      // Every tensor made here and every result, closed at the end (a sentence is a few steps).
      List<AutoCloseable> opened = new ArrayList<>();
      try {
        while (true) {
          boolean isFirst = previous == null;
          OrtSession session = isFirst ? first : withPast;
          Map<String, OnnxTensor> feed = new HashMap<>();
          OnnxTensor token =
              OnnxTensor.createTensor(
                  env, LongBuffer.wrap(new long[] {seq.get(seq.size() - 1)}), new long[] {1, 1});
          opened.add(token);
          feed.put("input_ids", token);
          feed.put("encoder_attention_mask", mask);
          feed.put("encoder_hidden_states", hidden);
          if (merged) {
            OnnxTensor branch = OnnxTensor.createTensor(env, new boolean[] {!isFirst});
            opened.add(branch);
            feed.put("use_cache_branch", branch);
          }
          for (int i = 0; i < layers; i++) {
            for (String part : List.of("decoder", "encoder")) {
              for (String kv : List.of("key", "value")) {
                String name = "past_key_values." + i + "." + part + "." + kv;
                if (isFirst) {
                  OnnxTensor empty =
                      OnnxTensor.createTensor(
                          env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
                  opened.add(empty);
                  feed.put(name, empty);
                } else if (part.equals("encoder")) {
                  feed.put(name, cross.get(name));
                } else {
                  String present = "present." + i + "." + part + "." + kv;
                  feed.put(name, (OnnxTensor) previous.get(present).orElseThrow());
                }
              }
            }
          }
          feed.keySet().retainAll(session.getInputNames());
          OrtSession.Result out = session.run(feed);
          opened.add(out);
          if (isFirst) {
            // The with-past graphs return empty encoder presents; the first step's are kept.
            for (Map.Entry<String, OnnxValue> e : out) {
              if (e.getKey().contains(".encoder.")) {
                cross.put(
                    e.getKey().replace("present.", "past_key_values."), (OnnxTensor) e.getValue());
              }
            }
          }
          previous = out;
          float[] logits = ((float[][][]) out.get("logits").orElseThrow().getValue())[0][0];
          int next = argmax(logits, seq.size());
          seq.add(next);
          if (next == eos || seq.size() >= maxLength) {
            break;
          }
        }
      } finally {
        for (AutoCloseable c : opened) {
          try {
            c.close();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
      List<Integer> generated = seq.subList(1, seq.size());
      return generated.get(generated.size() - 1) == eos
          ? new ArrayList<>(generated.subList(0, generated.size() - 1))
          : new ArrayList<>(generated);
    }
  }

  private int argmax(float[] logits, int curLen) {
    if (curLen == maxLength - 1) {
      return eos; // forced_eos_token_id
    }
    int best = -1;
    for (int v = 0; v < logits.length; v++) {
      if (v != pad && (best < 0 || logits[v] > logits[best])) {
        best = v;
      }
    }
    return best;
  }

  @Override
  public void close() throws OrtException {
    encoder.close();
    first.close();
    if (withPast != first) {
      withPast.close();
    }
    options.close();
  }
}
