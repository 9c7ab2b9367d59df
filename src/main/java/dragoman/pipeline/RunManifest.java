package dragoman.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import dragoman.export.JsonlWriter;
import dragoman.io.AtomicFile;
import dragoman.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished document's outputs were made from, written after all its outputs so that its
 * presence means they are complete: hashes of the input and its English counterpart, the stages
 * used, and a hash of every output file. {@code --resume} skips a document only when all of these
 * still match.
 *
 * @param version manifest format version
 * @param doc the document id
 * @param input SHA-256 of the input bytes
 * @param counterpart SHA-256 of the English counterpart, or null when there is none
 * @param config what else the outputs depend on: options, stages, model files ({@link
 *     RunFingerprint})
 * @param outputs output file name (relative to the output folder) to its SHA-256
 * @param segments how many segments the document has
 * @param flagged how many were flagged, or null when the document was not reviewed
 * @param translated how many have our machine translation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
    int version,
    String doc,
    String input,
    String counterpart,
    String config,
    Map<String, String> outputs,
    int segments,
    Integer flagged,
    int translated) {
  /** 2: {@code config} covers the options and the model files, not only the stages' names. */
  public static final int VERSION = 2;

  /** Where the manifest of a document lives: a hidden folder inside the output folder. */
  public static Path path(Path out, String docId) {
    return out.resolve(".dragoman").resolve(docId + ".manifest.json");
  }

  public static Optional<RunManifest> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonlWriter.mapper().readValue(file.toFile(), RunManifest.class));
    } catch (IOException e) {
      return Optional.empty(); // unreadable: the document is simply done again
    }
  }

  public void write(Path file) throws IOException {
    byte[] json = JsonlWriter.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    AtomicFile.write(
        file,
        os -> {
          os.write(json);
          os.write('\n');
        });
  }

  /** Whether this manifest describes outputs that are still complete for the same input. */
  public boolean matches(String inputHash, String counterpartHash, String configNow, Path out)
      throws IOException {
    if (version != VERSION
        || !input.equals(inputHash)
        || !Objects.equals(counterpart, counterpartHash)
        || !config.equals(configNow)) {
      return false;
    }
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      Path f = out.resolve(e.getKey());
      if (!Files.isRegularFile(f) || !Sha256.of(f).equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
