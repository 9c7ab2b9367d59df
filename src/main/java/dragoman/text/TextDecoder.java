package dragoman.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into characters: UTF-8 with or without BOM, UTF-16 with BOM or
 * recognised by its NUL-byte pattern, UTF-8 with a few invalid bytes (only those replaced, their
 * lines named in the notice), and legacy Windows-1252 (a superset of ISO-8859-1's printable range)
 * when the bytes are not UTF-8 at all. Binary data is refused rather than decoded into noise.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Share of control characters above which decoded text is taken for binary data. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  /**
   * UTF-16 without a BOM: share of 2-byte units that must have their NUL on the same side (the high
   * byte of a Latin letter), and the most that may have it on the other. German text in UTF-16 is
   * mostly ASCII and Latin-1 letters, so nearly every unit has a NUL high byte; binary data has
   * NULs on both sides.
   */
  private static final double UTF16_NUL_SIDE_SHARE = 0.6;

  private static final double UTF16_OTHER_SIDE_SHARE = 0.05;

  /** Lines named in the notice about invalid UTF-8 bytes; the rest are counted. */
  private static final int MAX_LINES_NAMED = 10;

  /**
   * @throws IllegalArgumentException with a one-line reason when the bytes are not text
   */
  public DecodedText decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return checked(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8"), "UTF-8", false, null);
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      throw new IllegalArgumentException("UTF-32 text is not supported; save it as UTF-8");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return checked(
          strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE"), "UTF-16LE", false, null);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return checked(
          strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE"), "UTF-16BE", false, null);
    }
    String utf16 = utf16Side(bytes);
    if (utf16 != null) {
      Charset cs = utf16.equals("UTF-16LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      String text = tryDecode(bytes, cs);
      // Text, not binary data that happens to have NULs on one side: hardly any control characters.
      if (text != null && controls(text) <= text.length() * MAX_CONTROL_SHARE) {
        return checked(
            text,
            utf16,
            true,
            "no byte-order mark, decoded as "
                + utf16
                + " (its NUL-byte pattern); save it as UTF-8");
      }
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException(
            "binary file (contains NUL bytes); expected plain text (UTF-8, UTF-16 or"
                + " Windows-1252)");
      }
    }
    Utf8 utf8 = Utf8.decode(bytes);
    if (utf8.invalidBytes() == 0) {
      return checked(utf8.text(), "UTF-8", false, null);
    }
    // Mostly UTF-8 (more bytes >= 0x80 in valid sequences than outside them): a few stray bytes in
    // a UTF-8 file, e.g. pasted from a legacy source. Decoding it all as Windows-1252 would turn
    // every valid "ü" into "Ã¼"; only the invalid bytes are replaced.
    if (utf8.validHighBytes() > utf8.invalidBytes()) {
      return checked(
          utf8.text(),
          "UTF-8",
          false,
          utf8.invalidBytes()
              + (utf8.invalidBytes() == 1 ? " byte" : " bytes")
              + " not valid UTF-8 (replaced by U+FFFD) on "
              + lines(utf8.invalidLines())
              + "; the rest decoded as UTF-8");
    }
    String legacy = tryDecode(bytes, WINDOWS_1252);
    if (legacy == null) {
      // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252; ISO-8859-1 maps
      // them to C1 controls, which the control-character check below then judges.
      legacy = new String(bytes, StandardCharsets.ISO_8859_1);
      return checked(legacy, "ISO-8859-1", true, legacyNotice("ISO-8859-1"));
    }
    return checked(legacy, "windows-1252", true, legacyNotice("windows-1252"));
  }

  private static String legacyNotice(String encoding) {
    return "not valid UTF-8, decoded as "
        + encoding
        + "; convert it to UTF-8 if the letters look wrong";
  }

  private static String lines(java.util.SortedSet<Integer> lines) {
    StringBuilder b = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
    int named = 0;
    for (int line : lines) {
      if (named == MAX_LINES_NAMED) {
        b.append(" and ").append(lines.size() - named).append(" more");
        break;
      }
      b.append(named == 0 ? "" : ", ").append(line);
      named++;
    }
    return b.toString();
  }

  /**
   * "UTF-16LE" or "UTF-16BE" when the bytes have the NUL pattern of UTF-16 text without a BOM (even
   * length, the NUL of most units on one side and almost none on the other), else null.
   */
  static String utf16Side(byte[] bytes) {
    if (bytes.length < 4 || bytes.length % 2 != 0) {
      return null;
    }
    int units = bytes.length / 2;
    int highNulLe = 0; // xx 00: little-endian high byte
    int highNulBe = 0; // 00 xx
    for (int i = 0; i < bytes.length; i += 2) {
      boolean a = bytes[i] == 0;
      boolean b = bytes[i + 1] == 0;
      if (!a && b) {
        highNulLe++;
      } else if (a && !b) {
        highNulBe++;
      }
    }
    if (highNulLe >= UTF16_NUL_SIDE_SHARE * units && highNulBe <= UTF16_OTHER_SIDE_SHARE * units) {
      return "UTF-16LE";
    }
    if (highNulBe >= UTF16_NUL_SIDE_SHARE * units && highNulLe <= UTF16_OTHER_SIDE_SHARE * units) {
      return "UTF-16BE";
    }
    return null;
  }

  /**
   * UTF-8 decoded with each malformed sequence replaced by U+FFFD.
   *
   * @param invalidBytes bytes in malformed sequences
   * @param validHighBytes bytes >= 0x80 in well-formed multi-byte sequences
   * @param invalidLines 1-based line numbers (counting LF) holding invalid bytes
   */
  record Utf8(
      String text,
      int invalidBytes,
      int validHighBytes,
      java.util.SortedSet<Integer> invalidLines) {
    static Utf8 decode(byte[] bytes) {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      int invalid = 0;
      java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
      int line = 1;
      int counted = 0; // bytes before this have been scanned for LFs
      while (true) {
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
          break;
        }
        if (r.isOverflow()) {
          throw new IllegalStateException("buffer of one char per byte overflowed");
        }
        for (int i = counted; i < in.position(); i++) {
          if (bytes[i] == '\n') {
            line++;
          }
        }
        counted = in.position();
        invalid += r.length();
        lines.add(line);
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      }
      decoder.flush(out);
      int high = 0;
      for (byte b : bytes) {
        if ((b & 0x80) != 0) {
          high++;
        }
      }
      out.flip();
      return new Utf8(out.toString(), invalid, high - invalid, lines);
    }
  }

  private static DecodedText checked(String text, String encoding, boolean guessed, String notice) {
    long controls = controls(text);
    if (!text.isEmpty() && controls > Math.max(2, text.length() * MAX_CONTROL_SHARE)) {
      throw new IllegalArgumentException(
          "binary or undecodable file (" + controls + " control characters as " + encoding + ")");
    }
    return new DecodedText(text, encoding, guessed, notice);
  }

  /** Control characters other than line ends, tab and form feed. */
  private static long controls(String text) {
    return text.chars()
        .filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r')
        .filter(c -> c != '\t' && c != '\f')
        .count();
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
