package dragoman.mt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code dragoman model pull NAME} fetches: a Hugging Face repository at a revision and the
 * files to take from it, with expected sizes and SHA-256 where known. Known models are resources
 * under {@code dragoman/mt/<name>.json}; a pulled directory records the sizes and hashes it got in
 * {@code dragoman-manifest.json}.
 *
 * @param revision the commit to fetch (a bundled manifest pins one; {@code --revision} may give a
 *     branch); in a pulled directory's record, the commit the hub actually served
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
    String name, String description, String repo, String revision, List<FileEntry> files) {

  /** The file a pulled directory keeps its manifest in. */
  public static final String RECORD = "dragoman-manifest.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * @param size bytes, or null when unknown until the hub says
   * @param sha256 lowercase hex, or null when unknown until the hub says
   * @param quantized an int8 file, fetched only with {@code --quantized}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileEntry(
      String path, Long size, String sha256, @JsonProperty("quantized") Boolean quantized) {
    boolean isQuantized() {
      return Boolean.TRUE.equals(quantized);
    }
  }

  public ModelManifest {
    files = List.copyOf(files);
  }

  /** Names of the models {@code model pull} knows. */
  public static List<String> known() {
    return List.of("opus-mt-de-en");
  }

  /** The manifest of a known model, or null. */
  public static ModelManifest known(String name) {
    if (!known().contains(name)) {
      return null;
    }
    try (InputStream in = ModelManifest.class.getResourceAsStream(name + ".json")) {
      return MAPPER.readValue(in, ModelManifest.class);
    } catch (IOException e) {
      throw new IllegalStateException("bundled manifest " + name + " unreadable", e);
    }
  }

  public static ModelManifest read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), ModelManifest.class);
  }

  public void write(Path file) throws IOException {
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  /**
   * The same files at another revision ({@code model pull --revision}). Sizes and hashes pinned for
   * the old revision are dropped: the hub's headers give them for the new one.
   */
  public ModelManifest withRevision(String other) {
    if (other.equals(revision)) {
      return this;
    }
    List<FileEntry> unpinned =
        files.stream().map(f -> new FileEntry(f.path(), null, null, f.quantized())).toList();
    return new ModelManifest(name, description, repo, other, unpinned);
  }

  /** The files to fetch: fp32 always, the int8 ones too when asked. */
  public List<FileEntry> selected(boolean quantized) {
    return files.stream().filter(f -> quantized || !f.isQuantized()).toList();
  }
}
