package dragoman.review;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.util.HashMap;
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
  private final Map<String, List<Token>> tokens = new HashMap<>();

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
