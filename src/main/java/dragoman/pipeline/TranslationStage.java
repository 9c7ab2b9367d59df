package dragoman.pipeline;

import dragoman.mt.Translation;
import dragoman.mt.Translator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The translation step of {@code dragoman run}: German sentences to English, one translation per
 * input in input order. {@link #of(Translator)} adapts the mt package's translator.
 */
public interface TranslationStage extends AutoCloseable {
  /** The model's name, recorded in each record's "mt" and in the resume manifest. */
  String modelName();

  List<Translation> translate(List<String> sentences);

  /**
   * The model's files, each with what identifies its content ({@link dragoman.mt.ModelFiles}), for
   * the resume manifest; empty for a stage without model files.
   */
  default Map<String, String> modelFiles() {
    return Map.of();
  }

  @Override
  void close();

  static TranslationStage of(Translator translator) {
    return of(translator, new java.util.TreeMap<>());
  }

  /** A translator whose model files are {@code files} ({@link dragoman.mt.ModelFiles#describe}). */
  static TranslationStage of(Translator translator, SortedMap<String, String> files) {
    Map<String, String> modelFiles = Map.copyOf(files);
    return new TranslationStage() {
      @Override
      public Map<String, String> modelFiles() {
        return modelFiles;
      }

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
