package dragoman.mt;

import java.util.List;

/**
 * German-to-English sentence translation. Implementations batch internally; the result has one
 * translation per input, in input order. Thread-safe; close to release the model.
 */
public interface Translator extends AutoCloseable {
  List<Translation> translate(List<String> sentences);

  /** A name for the model, for reports (e.g. the model directory's name). */
  String modelName();

  @Override
  void close();
}
