package dragoman.eval;

import dragoman.text.StrictUtf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a one-segment-a-line file the way sacreBLEU does ({@code utils.smart_open}: UTF-8 with
 * {@code newline="\n"}, gzip when compressed): only LF ends a line, so a CR or a U+2028 stays
 * inside its segment. A gzipped file is recognised by its magic bytes, whatever its name.
 */
public final class LineFiles {
  private LineFiles() {}

  /**
   * The lines of a UTF-8 file, plain or gzipped, without their LF; a final LF does not start an
   * empty line.
   *
   * @throws IOException if the file cannot be read, is a broken gzip file, or is not valid UTF-8
   */
  public static List<String> read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * The lines of a stream (standard input), as {@link #read(Path)}.
   *
   * @param name what error messages call the stream, e.g. "standard input"
   */
  public static List<String> read(InputStream in, String name) throws IOException {
    return decode(in.readAllBytes(), name);
  }

  private static List<String> decode(byte[] bytes, String name) throws IOException {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = gz.readAllBytes();
      } catch (IOException e) {
        throw new IOException(name + " is not a valid gzip file: " + e.getMessage(), e);
      }
    }
    String text;
    try {
      text = StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new IOException(name + " is not valid UTF-8", e);
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
