package dragoman.pipeline;

import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.text.Segment;
import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Translates a document's segments a chunk at a time and hands each translation on in document
 * order, so a 50 MB document never holds all its translations (nor all their token ids) at once and
 * runs under {@code -Xmx1g}.
 */
public final class ChunkedTranslation {
  /**
   * Sentences handed to the translator at once: enough for full token-budget batches (and for
   * several batch workers), small enough that memory does not grow with the document.
   */
  public static final int CHUNK = 2048;

  /** Receives each segment with its translation, in document order. */
  @FunctionalInterface
  public interface Sink {
    void accept(Segment segment, Translation english) throws IOException;
  }

  private final Translator translator;
  private final int chunk;

  public ChunkedTranslation(Translator translator) {
    this(translator, CHUNK);
  }

  ChunkedTranslation(Translator translator, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive");
    }
    this.translator = translator;
    this.chunk = chunk;
  }

  /**
   * @param progress told the number of segments of each chunk once it is handed on
   * @throws IOException from the sink, or "translation failed: ..." when the model fails on this
   *     document (the caller's batch reports it as one line and goes on)
   */
  public void translate(List<Segment> segments, Sink sink, IntConsumer progress)
      throws IOException {
    for (int from = 0; from < segments.size(); from += chunk) {
      List<Segment> part = segments.subList(from, Math.min(segments.size(), from + chunk));
      List<Translation> english = translate(part);
      for (int i = 0; i < part.size(); i++) {
        sink.accept(part.get(i), english.get(i));
      }
      progress.accept(part.size());
    }
  }

  private List<Translation> translate(List<Segment> segments) throws IOException {
    try {
      return translator.translate(segments.stream().map(Segment::text).toList());
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IOException("translation failed: " + m.lines().findFirst().orElse(""), e);
    }
  }
}
