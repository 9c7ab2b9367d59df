package dragoman.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into characters: UTF-8 with or without BOM, UTF-16 with BOM, and
 * legacy Windows-1252 (a superset of ISO-8859-1's printable range) when the bytes are not valid
 * UTF-8. Binary data is refused rather than decoded into noise.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Share of control characters above which decoded text is taken for binary data. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  /**
   * @throws IllegalArgumentException with a one-line reason when the bytes are not text
   */
  public DecodedText decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return checked(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8"), "UTF-8", false);
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      throw new IllegalArgumentException("UTF-32 text is not supported; save it as UTF-8");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return checked(strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE"), "UTF-16LE", false);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return checked(strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE"), "UTF-16BE", false);
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException(
            "binary file (contains NUL bytes); expected plain text (UTF-8, UTF-16 with BOM or"
                + " Windows-1252)");
      }
    }
    String utf8 = tryDecode(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return checked(utf8, "UTF-8", false);
    }
    String legacy = tryDecode(bytes, WINDOWS_1252);
    if (legacy == null) {
      // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252; ISO-8859-1 maps
      // them to C1 controls, which the control-character check below then judges.
      legacy = new String(bytes, StandardCharsets.ISO_8859_1);
      return checked(legacy, "ISO-8859-1", true);
    }
    return checked(legacy, "windows-1252", true);
  }

  private static DecodedText checked(String text, String encoding, boolean guessed) {
    long controls =
        text.chars()
            .filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r')
            .filter(c -> c != '\t' && c != '\f')
            .count();
    if (!text.isEmpty() && controls > Math.max(2, text.length() * MAX_CONTROL_SHARE)) {
      throw new IllegalArgumentException(
          "binary or undecodable file (" + controls + " control characters as " + encoding + ")");
    }
    return new DecodedText(text, encoding, guessed);
  }

  private static String strict(byte[] bytes, int offset, Charset charset, String name) {
    String s = tryDecode(ByteBuffer.wrap(bytes, offset, bytes.length - offset), charset);
    if (s == null) {
      throw new IllegalArgumentException("invalid " + name + " despite its byte-order mark");
    }
    return s;
  }

  private static String tryDecode(byte[] bytes, Charset charset) {
    return tryDecode(ByteBuffer.wrap(bytes), charset);
  }

  private static String tryDecode(ByteBuffer bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
