package dragoman.serve;

import dragoman.text.BadInputException;
import java.io.IOException;
import java.util.List;

/**
 * How {@code format=html} is translated: the page is read into sentences (inline tags held as
 * placeholders, so they come back balanced), the sentences go to the model with every other
 * request's, and the page is written back with the English in place. It is the path of {@code
 * dragoman translate page.html}: the server is handed the same reader, not a second HTML parser.
 */
public interface HtmlTranslation {
  /** One HTML text, read. Used by one request at a time. */
  interface Page {
    /** What the model translates, in order. */
    List<String> toTranslate();

    /**
     * @param english one translation per {@link #toTranslate()} entry, in order
     * @return the page with the English in place
     */
    String write(List<String> english) throws IOException;
  }

  /**
   * @throws BadInputException the HTML cannot be read (answered 400)
   */
  Page read(String html) throws BadInputException;
}
