package dragoman.text;

/**
 * One sentence of a document.
 *
 * @param id {@code <doc>#p<paragraph>.s<sentence>}, both indices 0-based
 * @param doc the document id
 * @param paragraph 0-based paragraph index within the document
 * @param sentence 0-based sentence index within the paragraph
 * @param start UTF-16 offset of the first character in the document text, inclusive
 * @param end UTF-16 offset after the last character, exclusive
 * @param text {@code document.text().substring(start, end)}
 */
public record Segment(
    String id, String doc, int paragraph, int sentence, int start, int end, String text) {

  public Segment {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException("text length does not match span of " + id);
    }
  }

  public static String idOf(String doc, int paragraph, int sentence) {
    return doc + "#p" + paragraph + ".s" + sentence;
  }
}
