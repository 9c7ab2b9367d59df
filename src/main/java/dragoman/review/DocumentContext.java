package dragoman.review;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a detector may know about the document around a segment: the document itself, the variant,
 * the segment's tokens (analysed once and shared by all detectors), and, when an English source was
 * given, the English aligned to each segment.
 */
public final class DocumentContext {
  private final Document document;
  private final GermanVariant variant;
  private final Function<Segment, List<Token>> analyzer;
  private final Map<String, String> english;

  /**
   * Token lists kept for reuse. Bounded: a document of 150,000 sentences on one line must not keep
   * every sentence's tokens; {@link DocumentDetector} reads all segments of documents up to its own
   * limit, which this covers, so those are analysed once.
   */
  static final int TOKEN_CACHE = 4096;

  private final Map<String, List<Token>> tokens =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Token>> eldest) {
          return size() > TOKEN_CACHE;
        }
      };

  /**
   * @param analyzer turns a segment into tokens with document offsets
   * @param english aligned English per segment id; empty when no source was given
   */
  public DocumentContext(
      Document document,
      GermanVariant variant,
      Function<Segment, List<Token>> analyzer,
      Map<String, String> english) {
    this.document = document;
    this.variant = variant;
    this.analyzer = analyzer;
    this.english = Map.copyOf(english);
  }

  public Document document() {
    return document;
  }

  public GermanVariant variant() {
    return variant;
  }

  /** The segment's tokens, computed on first use. */
  public List<Token> tokens(Segment segment) {
    return tokens.computeIfAbsent(segment.id(), id -> List.copyOf(analyzer.apply(segment)));
  }

  /** The English aligned to the segment, or null. */
  public String english(Segment segment) {
    return english.get(segment.id());
  }
}
