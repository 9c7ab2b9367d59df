package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCollectorTest {
  @TempDir Path dir;

  private void touch(String rel) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "Text.");
  }

  @Test
  void searchesFoldersRecursivelyForTxtFilesByDefault() throws IOException {
    touch("a.txt");
    touch("sub/b.txt");
    touch("notes.md");
    InputCollector.Collected c = new InputCollector(List.of()).collect(List.of(dir.toString()));
    assertThat(c.sources()).extracting(InputSource::docId).containsExactly("a", "sub/b");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void includeGlobsChooseOtherFiles() throws IOException {
    touch("a.txt");
    touch("notes.md");
    InputCollector.Collected c =
        new InputCollector(List.of("*.md")).collect(List.of(dir.toString()));
    assertThat(c.sources()).extracting(InputSource::docId).containsExactly("notes");
  }

  @Test
  void fileNamedDirectlyIsReadWhateverItsExtension() throws IOException {
    touch("notes.md");
    InputCollector.Collected c =
        new InputCollector(List.of()).collect(List.of(dir.resolve("notes.md").toString()));
    assertThat(c.sources()).extracting(InputSource::docId).containsExactly("notes");
  }

  @Test
  void missingPathIsAProblemNotAnException() {
    InputCollector.Collected c =
        new InputCollector(List.of()).collect(List.of(dir.resolve("nope.txt").toString()));
    assertThat(c.sources()).isEmpty();
    assertThat(c.problems())
        .singleElement()
        .extracting(BadInputException::oneLine)
        .asString()
        .endsWith("nope.txt: no such file or folder");
  }

  @Test
  void dashMeansStandardInput() {
    InputCollector.Collected c = new InputCollector(List.of()).collect(List.of("-"));
    assertThat(c.sources()).singleElement().matches(InputSource::isStdin);
  }

  @Test
  void emptyFolderIsAProblem() {
    InputCollector.Collected c = new InputCollector(List.of()).collect(List.of(dir.toString()));
    assertThat(c.problems()).hasSize(1);
  }

  @Test
  void aSymbolicLinkLoopIsReportedAsALoop() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    InputCollector.Collected c = new InputCollector(List.of()).collect(List.of(a.toString()));
    assertThat(c.sources()).isEmpty();
    assertThat(c.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.oneLine()).isEqualTo(a + ": symbolic link loop"));
  }

  @Test
  void aBrokenSymbolicLinkNamesItsMissingTarget() throws IOException {
    Path a = dir.resolve("a.txt");
    Files.createSymbolicLink(a, dir.resolve("gone.txt"));
    InputCollector.Collected c = new InputCollector(List.of()).collect(List.of(a.toString()));
    assertThat(c.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.oneLine())
                    .startsWith(a + ": broken symbolic link")
                    .contains("gone.txt")
                    .contains("no such file"));
  }
}
