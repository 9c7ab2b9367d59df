package dragoman.text;

import java.text.Normalizer;

/**
 * Normalises decoded text before segmentation: drops a leading BOM, turns CRLF and lone CR (and
 * Unicode line and paragraph separators) into LF, and composes to Unicode NFC so that "u" plus a
 * combining diaeresis and "ü" are the same letter for every later stage.
 */
public final class TextNormalizer {
  public String normalize(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    t = t.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    return Normalizer.normalize(t, Normalizer.Form.NFC);
  }
}
