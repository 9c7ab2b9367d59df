package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordListTest {
  @Test
  void skipsCommentsAndBlankLinesAndKeepsEntriesAsWritten() {
    assertThat(WordList.load("sample-test.txt"))
        .containsExactlyInAnyOrder("der", "Sie", "vor allem", "Ärger");
  }

  @Test
  void missingListNamesTheResource() {
    assertThatThrownBy(() -> WordList.load("no-such-list.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/dragoman/words/no-such-list.txt")
        .hasMessageContaining("missing");
  }

  @Test
  void entryListedTwiceNamesTheResourceAndLine() {
    assertThatThrownBy(() -> WordList.load("duplicate-test.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/dragoman/words/duplicate-test.txt line 4")
        .hasMessageContaining("'der'");
  }

  @Test
  void listThatIsNotUtf8IsRefused() {
    assertThatThrownBy(() -> WordList.load("latin1-test.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("latin1-test.txt")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void everyShippedListSaysWhatItIsAndLoads() throws IOException {
    Path folder = Path.of("src/main/resources/dragoman/words");
    List<Path> lists;
    try (Stream<Path> files = Files.list(folder)) {
      lists = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(lists).contains(folder.resolve("function-words-de.txt"));
    for (Path list : lists) {
      List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
      assertThat(lines.get(0)).as(list.toString()).startsWith("# ");
      assertThat(WordList.load(list.getFileName().toString())).as(list.toString()).isNotEmpty();
    }
  }
}
