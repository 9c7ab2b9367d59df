package dragoman.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParagraphSplitterTest {
  private final ParagraphSplitter splitter = new ParagraphSplitter();

  @Test
  void everyNewlineEndsAParagraphAndBlankLinesAreDropped() {
    String text = " Seoul, Südkorea\nCNN\n\n—\n\n\nDer Text beginnt.";
    assertThat(splitter.split(text).stream().map(s -> text.substring(s.start(), s.end())))
        .containsExactly("Seoul, Südkorea", "CNN", "—", "Der Text beginnt.");
  }

  @Test
  void aSentenceBrokenByANewlineIsTwoParagraphs() {
    String text = "Er kam am 1.\nNovember an.";
    assertThat(splitter.split(text)).containsExactly(new Span(0, 12), new Span(13, 25));
  }

  @Test
  void emptyTextHasNoParagraphs() {
    assertThat(splitter.split("")).isEmpty();
    assertThat(splitter.split("\n \n")).isEmpty();
  }
}
