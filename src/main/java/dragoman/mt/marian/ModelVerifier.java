package dragoman.mt.marian;

import dragoman.io.Sha256;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dragoman model verify DIR}: checks a model directory the way translation will use it and
 * names each problem in one line (file: problem). Checks, in order: the layout (config, tokenizer,
 * ONNX files present), config.json and generation_config.json, the tokenizer's size against {@code
 * vocab_size}, the sizes and SHA-256 recorded by {@code model pull} if any, that ONNX Runtime loads
 * every graph and finds the input names it needs, and a one-sentence translation with every decoder
 * variant present (which checks the output names and the logits' width).
 */
public final class ModelVerifier {
  private ModelVerifier() {}

  /** The problems found; empty when the directory is usable. */
  public static List<String> verify(Path dir, boolean quantized) {
    List<String> problems = new ArrayList<>();
    ModelDirectory located;
    try {
      located = ModelDirectory.locate(dir, quantized);
      located.readConfig();
    } catch (ModelException e) {
      problems.add(e.oneLine());
      return problems;
    }
    checkRecord(dir, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    List<ModelDirectory> variants = new ArrayList<>(List.of(located));
    if (located.merged() && Files.isRegularFile(dir.resolve("onnx").resolve(split(quantized)))) {
      try {
        variants.add(ModelDirectory.locate(dir, quantized, ModelDirectory.DecoderVariant.SPLIT));
      } catch (ModelException e) {
        problems.add(e.oneLine());
      }
    }
    GenerationOptions smoke = GenerationOptions.defaults().withNumBeams(1).withThreads(1);
    for (ModelDirectory v : variants) {
      try (MarianTranslator t = MarianTranslator.open(v, smoke)) {
        t.translate(List.of("Guten Morgen."));
      } catch (ModelException e) {
        problems.add(e.oneLine());
      } catch (RuntimeException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        problems.add(v.dir() + ": translation failed: " + m.lines().findFirst().orElse(""));
      }
    }
    return problems.stream().distinct().toList();
  }

  private static String split(boolean quantized) {
    return quantized ? "decoder_model_quantized.onnx" : "decoder_model.onnx";
  }

  /** Sizes and hashes recorded by {@code model pull}. */
  private static void checkRecord(Path dir, List<String> problems) {
    Path record = dir.resolve(ModelManifest.RECORD);
    if (!Files.isRegularFile(record)) {
      return;
    }
    try {
      for (ModelManifest.FileEntry f : ModelManifest.read(record).files()) {
        Path file = dir.resolve(f.path());
        if (!Files.isRegularFile(file)) {
          continue; // the layout check names missing files that matter
        }
        if (f.size() != null && Files.size(file) != f.size()) {
          problems.add(
              file
                  + ": "
                  + Files.size(file)
                  + " bytes, but "
                  + f.size()
                  + " were downloaded: the file changed; pull the model again");
        } else if (f.sha256() != null && !f.sha256().equals(Sha256.of(file))) {
          problems.add(file + ": SHA-256 differs from the download's: corrupt; pull it again");
        }
      }
    } catch (IOException e) {
      problems.add(record + ": unreadable: " + e.getMessage());
    }
  }
}
