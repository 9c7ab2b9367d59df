package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.export.ExportDocument;
import dragoman.mt.Translation;
import dragoman.text.DocumentReader;
import dragoman.text.InputSource;
import dragoman.text.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentProcessorTest {
  /** Echoes like {@link EchoTranslation} and records the size of each call. */
  private static final class CountingTranslation implements TranslationStage {
    final List<Integer> calls = new ArrayList<>();
    private final EchoTranslation echo = new EchoTranslation();

    @Override
    public String modelName() {
      return echo.modelName();
    }

    @Override
    public List<Translation> translate(List<String> sentences) {
      calls.add(sentences.size());
      return echo.translate(sentences);
    }

    @Override
    public void close() {}
  }

  private static DocumentProcessor.Input input(String id, String german, String english)
      throws Exception {
    InputSource source = new InputSource(id, Path.of(id + ".txt"));
    DocumentReader.Result read =
        new DocumentReader(Language.GERMAN).read(source, german.getBytes(StandardCharsets.UTF_8));
    DocumentProcessor.Counterpart c =
        english == null
            ? null
            : new DocumentProcessor.Counterpart(
                id + ".en.txt", english.getBytes(StandardCharsets.UTF_8));
    return new DocumentProcessor.Input(source, read, c);
  }

  @Test
  void processAllTranslatesAllDocumentsInOneCallAndGivesTheRecordsOfEachAlone() throws Exception {
    List<DocumentProcessor.Input> inputs =
        List.of(
            input("a", "Der Hund bellt. Die Katze schläft.\nNordkorea testet.\n", null),
            input("b", "Ein Satz.\n", "One sentence.\n"),
            input("c", "Erster Satz hier. Zweiter Satz dort.\n", "First one. Second one.\n"));
    CountingTranslation together = new CountingTranslation();
    Stages all =
        Stages.of(
            Optional.of(new PhraseReview("Nordkorea")),
            Optional.of(together),
            Stages.alignment(null).stage());
    List<ExportDocument> got = new DocumentProcessor(all).processAll(inputs);

    CountingTranslation alone = new CountingTranslation();
    Stages each =
        Stages.of(
            Optional.of(new PhraseReview("Nordkorea")),
            Optional.of(alone),
            Stages.alignment(null).stage());
    List<ExportDocument> want = new ArrayList<>();
    for (DocumentProcessor.Input in : inputs) {
      want.add(new DocumentProcessor(each).process(in.source(), in.german(), in.counterpart()));
    }

    assertThat(together.calls).containsExactly(3 + 1 + 2);
    assertThat(alone.calls).containsExactly(3, 1, 2);
    assertThat(got).isEqualTo(want);
    assertThat(got.get(2).records().get(1).en()).isEqualTo("Second one.");
  }
}
