package dragoman.pipeline;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a document's outputs depend on besides its input, as one canonical JSON text kept in its
 * resume manifest ({@link RunManifest#config()}): a change means the document is done again.
 *
 * <p>The options are serialised whole with Jackson, so a component added to {@link RunOptions} or
 * to any record it holds (generation, review settings) is part of the fingerprint without anyone
 * remembering to add it; only the components named in {@link #NOT_OUTPUT} are left out, and a test
 * checks that every other component appears. Besides the options: the stages' names (which stages
 * ran; the aligner's name spells out all its settings), what identifies the model files' content
 * ({@link dragoman.mt.ModelFiles}), and the Dragoman version, whose rules and weights make the
 * review.
 */
final class RunFingerprint {
  /**
   * Components of {@link RunOptions} (dotted paths into the records it holds) that change no
   * document's outputs: where inputs are found and outputs go, how many documents run at once,
   * whether to resume, the progress bar, and whether the model may be downloaded (a resumed run
   * often adds {@code --offline} once the model is cached). {@code model} (a path) is replaced by
   * the model files' content. Threads and batch sizes stay in: ONNX Runtime does not promise the
   * same floats for another thread count, and int8 outputs depend on the batch.
   */
  static final Set<String> NOT_OUTPUT =
      Set.of(
          "inputs",
          "includes",
          "out",
          "jobs",
          "resume",
          "model",
          "progress",
          "generation.runtime.offline");

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private RunFingerprint() {}

  /** The options that change outputs, as a JSON tree (for the fingerprint and its test). */
  static ObjectNode options(RunOptions options) {
    ObjectNode tree = MAPPER.valueToTree(options);
    for (String path : NOT_OUTPUT) {
      ObjectNode parent = tree;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length - 1 && parent != null; i++) {
        parent = parent.get(parts[i]) instanceof ObjectNode o ? o : null;
      }
      if (parent != null) {
        parent.remove(parts[parts.length - 1]);
      }
    }
    return tree;
  }

  /**
   * @param files how translators' files are read and which XLIFF is written: every component
   *     changes an output, so the record goes in whole
   */
  static String of(RunOptions options, Stages stages, FileOptions files) {
    ObjectNode root = MAPPER.createObjectNode();
    String version = PipelineRun.class.getPackage().getImplementationVersion();
    root.put("dragoman", version == null ? "development" : version);
    root.set("options", options(options));
    root.set("files", MAPPER.valueToTree(files));
    root.put("stages", stages.fingerprint());
    root.set(
        "model",
        MAPPER.valueToTree(
            new TreeMap<>(
                stages.translation().map(TranslationStage::modelFiles).orElse(Map.of()))));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("options not serialisable", e);
    }
  }
}
