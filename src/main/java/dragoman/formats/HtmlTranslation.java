package dragoman.formats;

import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.text.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * German HTML to English HTML, the same path as {@code dragoman translate page.html}: Okapi's HTML
 * filter, sentences split by Dragoman's splitter, tags kept as inline codes and put back around the
 * translated words ({@link InlineCodes}), scripts, styles and attributes that are not text left as
 * they are. For callers that hold a string (the server's {@code format=html}); a fragment without
 * {@code <html>} works too. {@link #read} and {@link Page#write} are apart so that a caller can
 * translate the sentences of many pages in shared batches.
 */
public final class HtmlTranslation {
  private HtmlTranslation() {}

  /** One HTML text, read: its sentences to translate, then the page with their English. */
  public static final class Page implements AutoCloseable {
    private final OkapiDocument doc;

    private Page(OkapiDocument doc) {
      this.doc = doc;
    }

    /** What the model translates, in order (only segments with text). */
    public List<String> toTranslate() {
      return doc.toTranslate();
    }

    /**
     * @param english one translation per {@link #toTranslate()} entry, in order
     * @param model the model's name, recorded with each target
     * @return the page with the English in place, as a string
     */
    public String write(List<Translation> english, String model) {
      doc.fill(english, model);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        doc.write(out);
      } catch (IOException e) {
        // Written to memory: only the filter writer itself can fail here.
        throw new UncheckedIOException(e);
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      doc.close();
    }
  }

  /**
   * @param html German HTML (a page or a fragment)
   * @throws BadInputException when Okapi cannot read the HTML
   */
  public static Page read(String html) throws BadInputException {
    return new Page(
        OkapiDocument.read("html", "html", html.getBytes(StandardCharsets.UTF_8), FileFormat.html));
  }

  /**
   * @param html German HTML (a page or a fragment)
   * @param translator the model; only the segments with text are sent, in one call
   * @return the HTML with its text in English
   * @throws BadInputException when Okapi cannot read the HTML
   */
  public static String translate(String html, Translator translator) throws BadInputException {
    try (Page page = read(html)) {
      List<String> input = page.toTranslate();
      List<Translation> english = input.isEmpty() ? List.of() : translator.translate(input);
      return page.write(english, translator.modelName());
    }
  }
}
