package dragoman.mt.marian;

import dragoman.mt.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a Marian ONNX model directory in the layout of Optimum and Transformers.js exports
 * (models/README.md "Directory layout"), located and checked for presence; {@link MarianModel} and
 * {@link MarianTokenizer} check their contents.
 *
 * @param tokenizer {@code tokenizer.json}; it may be absent when the SentencePiece files are there
 *     ({@link MarianTokenizer#open} prefers those)
 * @param decoderMerged {@code onnx/decoder_model_merged.onnx}, or null when the split pair is used
 * @param decoder {@code onnx/decoder_model.onnx} (no past), or null with the merged decoder
 * @param decoderWithPast {@code onnx/decoder_with_past_model.onnx}, or null with the merged decoder
 */
public record ModelDirectory(
    Path dir,
    Path config,
    Path generationConfig,
    Path tokenizer,
    Path encoder,
    Path decoderMerged,
    Path decoder,
    Path decoderWithPast,
    boolean quantized) {

  /** Which decoder files to use. */
  public enum DecoderVariant {
    /** The merged decoder where present, else the split pair. */
    AUTO,
    MERGED,
    SPLIT
  }

  public boolean merged() {
    return decoderMerged != null;
  }

  /** A short name for reports: the directory's name, plus "(int8)" for the quantized files. */
  public String name() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return (name == null ? dir.toString() : name.toString()) + (quantized ? " (int8)" : "");
  }

  public static ModelDirectory locate(Path dir, boolean quantized) throws ModelException {
    return locate(dir, quantized, DecoderVariant.AUTO);
  }

  public static ModelDirectory locate(Path dir, boolean quantized, DecoderVariant variant)
      throws ModelException {
    if (!Files.isDirectory(dir)) {
      throw new ModelException(
          dir, "no such model directory (get one with: dragoman model pull opus-mt-de-en)");
    }
    Path config = dir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      throw new ModelException(config, "missing: not a model directory (no config.json)");
    }
    Path tokenizer = dir.resolve("tokenizer.json");
    if (MarianTokenizer.kindFor(dir) == null) {
      throw new ModelException(
          tokenizer,
          "missing, and no source.spm + target.spm + vocab.json either: the model has no"
              + " tokenizer");
    }
    String suffix = quantized ? "_quantized.onnx" : ".onnx";
    Path onnx = dir.resolve("onnx");
    Path encoder = onnx.resolve("encoder_model" + suffix);
    requireFile(encoder, quantized);
    Path merged = onnx.resolve("decoder_model_merged" + suffix);
    Path plain = onnx.resolve("decoder_model" + suffix);
    Path withPast = onnx.resolve("decoder_with_past_model" + suffix);
    boolean useMerged =
        switch (variant) {
          case MERGED -> true;
          case SPLIT -> false;
          case AUTO -> Files.isRegularFile(merged) || !Files.isRegularFile(plain);
        };
    if (useMerged) {
      if (!Files.isRegularFile(merged)) {
        throw new ModelException(
            merged,
            "missing (and no "
                + plain.getFileName()
                + " + "
                + withPast.getFileName()
                + " pair either)"
                + (quantized ? "; without --quantized the fp32 files are used" : ""));
      }
      return new ModelDirectory(
          dir,
          config,
          dir.resolve("generation_config.json"),
          tokenizer,
          encoder,
          merged,
          null,
          null,
          quantized);
    }
    requireFile(plain, quantized);
    requireFile(withPast, quantized);
    return new ModelDirectory(
        dir,
        config,
        dir.resolve("generation_config.json"),
        tokenizer,
        encoder,
        null,
        plain,
        withPast,
        quantized);
  }

  private static void requireFile(Path file, boolean quantized) throws ModelException {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(
          file, quantized ? "missing (the int8 files are optional; drop --quantized)" : "missing");
    }
  }

  /** The file a tokenizer problem is reported against. */
  public Path tokenizerFile() {
    return MarianTokenizer.kindFor(dir) == MarianTokenizer.Kind.SENTENCEPIECE
        ? dir.resolve("vocab.json")
        : tokenizer;
  }

  public MarianConfig readConfig() throws ModelException {
    return MarianConfig.read(config, generationConfig);
  }
}
