package dragoman.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-segment-a-line file the way sacreBLEU does ({@code utils.smart_open}: UTF-8 with
 * {@code newline="\n"}): only LF ends a line, so a CR or a U+2028 stays inside its segment.
 */
public final class LineFiles {
  private LineFiles() {}

  /**
   * The lines of a UTF-8 file, without their LF; a final LF does not start an empty line.
   *
   * @throws IOException if the file cannot be read or is not valid UTF-8
   */
  public static List<String> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not valid UTF-8", e);
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        lines.add(text.substring(start));
        break;
      }
      lines.add(text.substring(start, nl));
      start = nl + 1;
    }
    return lines;
  }
}
