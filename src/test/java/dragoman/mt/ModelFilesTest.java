package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  @TempDir Path dir;

  @Test
  void aPulledDirectoryIsDescribedByTheHashesItsManifestRecorded() throws Exception {
    Files.createDirectories(dir.resolve("onnx"));
    Files.writeString(dir.resolve("onnx/encoder_model.onnx"), "abcd");
    Files.writeString(dir.resolve("config.json"), "{}");
    new ModelManifest(
            "m",
            null,
            "org/m",
            "main",
            List.of(
                new ModelManifest.FileEntry("onnx/encoder_model.onnx", 4L, "ab12", null),
                new ModelManifest.FileEntry("config.json", 2L, "cd34", null)))
        .write(dir.resolve(ModelManifest.RECORD));
    assertThat(ModelFiles.describe(dir))
        .containsExactly(
            java.util.Map.entry("config.json", "sha256:cd34 size:2"),
            java.util.Map.entry("onnx/encoder_model.onnx", "sha256:ab12 size:4"));

    // A file replaced by hand with another size no longer matches what the manifest says.
    Files.writeString(dir.resolve("config.json"), "{ }");
    assertThat(ModelFiles.describe(dir).get("config.json")).startsWith("size:3 mtime:");
  }

  @Test
  void withoutAManifestSizeAndModificationTimeDescribeEachFile() throws Exception {
    Path f = dir.resolve("config.json");
    Files.writeString(f, "{}");
    Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
    String before = ModelFiles.describe(dir).get("config.json");
    assertThat(before).isEqualTo("size:2 mtime:1000000");
    Files.writeString(f, "[]");
    Files.setLastModifiedTime(f, FileTime.fromMillis(2_000_000));
    assertThat(ModelFiles.describe(dir).get("config.json")).isNotEqualTo(before);
  }
}
