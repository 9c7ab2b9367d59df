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
 * German HTML to English HTML in one call, the same path as {@code dragoman translate page.html}:
 * Okapi's HTML filter, sentences split by Dragoman's splitter, tags kept as inline codes and put
 * back around the translated words ({@link InlineCodes}), scripts, styles and attributes that are
 * not text left as they are. For callers that hold a string (an HTTP server's {@code format=html});
 * a fragment without {@code <html>} works too.
 */
public final class HtmlTranslation {
  private HtmlTranslation() {}

  /**
   * @param html German HTML (a page or a fragment)
   * @param translator the model; only the segments with text are sent, in one call
   * @return the HTML with its text in English, written as UTF-8
   * @throws BadInputException when Okapi cannot read the HTML
   */
  public static String translate(String html, Translator translator) throws BadInputException {
    try (OkapiDocument doc =
        OkapiDocument.read(
            "html", "html", html.getBytes(StandardCharsets.UTF_8), FileFormat.html)) {
      List<String> input = doc.toTranslate();
      List<Translation> english = input.isEmpty() ? List.of() : translator.translate(input);
      doc.fill(english, translator.modelName());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Written to memory: only the filter writer itself can fail here.
      throw new UncheckedIOException(e);
    }
  }
}
