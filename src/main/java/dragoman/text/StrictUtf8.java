package dragoman.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses what is not UTF-8, where {@code new String(bytes, UTF_8)} would quietly put
 * U+FFFD in its place: for inputs that must be UTF-8 (word lists, request bodies, score files),
 * each caller saying in its own words what was wrong. Files of unknown encoding go through {@link
 * TextDecoder} instead.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * @throws CharacterCodingException at the first malformed or unmappable byte sequence
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
