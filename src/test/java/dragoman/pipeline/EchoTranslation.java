package dragoman.pipeline;

import dragoman.mt.Translation;
import java.util.List;

/**
 * A translation stage for the viewer's browser test until the real translator is merged: the
 * "English" is the German marked with "[en] ", so a test can see which row it belongs to. Not a
 * translator.
 */
final class EchoTranslation implements TranslationStage {
  @Override
  public String modelName() {
    return "test-echo";
  }

  @Override
  public List<Translation> translate(List<String> sentences) {
    return sentences.stream().map(s -> new Translation("[en] " + s, List.of(), -1.0, 1)).toList();
  }

  @Override
  public void close() {}
}
