package dragoman.pipeline;

import dragoman.mt.Translation;
import dragoman.mt.Translator;
import java.util.List;

/**
 * The translation step of {@code dragoman run}: German sentences to English, one translation per
 * input in input order. {@link #of(Translator)} adapts the mt package's translator.
 */
public interface TranslationStage extends AutoCloseable {
  /** The model's name, recorded in each record's "mt" and in the resume manifest. */
  String modelName();

  List<Translation> translate(List<String> sentences);

  @Override
  void close();

  static TranslationStage of(Translator translator) {
    return new TranslationStage() {
      @Override
      public String modelName() {
        return translator.modelName();
      }

      @Override
      public List<Translation> translate(List<String> sentences) {
        return translator.translate(sentences);
      }

      @Override
      public void close() {
        translator.close();
      }
    };
  }
}
