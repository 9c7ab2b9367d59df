package dragoman.text;

import java.io.IOException;
import java.util.Optional;

/** Reads an input into a segmented document: bytes, decoding, normalisation, segmentation. */
public final class DocumentReader {
  /** Inputs above this are refused with a message instead of exhausting memory. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  /**
   * A document read, with a notice for the user when its encoding had to be guessed.
   *
   * @param notice one line such as "decoded as windows-1252 (not valid UTF-8)", or empty
   */
  public record Result(Document document, String encoding, Optional<String> notice) {}

  private final TextDecoder decoder = new TextDecoder();
  private final TextNormalizer normalizer = new TextNormalizer();
  private final DocumentSegmenter segmenter;
  private final long maxBytes;

  public DocumentReader(DocumentSegmenter segmenter, long maxBytes) {
    this.segmenter = segmenter;
    this.maxBytes = maxBytes;
  }

  public DocumentReader(Language language) {
    this(new DocumentSegmenter(language), DEFAULT_MAX_BYTES);
  }

  public Result read(InputSource source) throws BadInputException {
    byte[] bytes;
    try {
      bytes = source.readBytes(maxBytes);
    } catch (IOException e) {
      throw BadInputException.cannotRead(source.displayName(), e);
    }
    return read(source, bytes);
  }

  public Result read(InputSource source, byte[] bytes) throws BadInputException {
    if (bytes.length == 0) {
      throw new BadInputException(source.displayName(), "empty file");
    }
    DecodedText decoded;
    try {
      decoded = decoder.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source.displayName(), e.getMessage());
    }
    String text = normalizer.normalize(decoded.text());
    if (onlyWhitespace(text)) {
      throw new BadInputException(source.displayName(), "empty file (only whitespace)");
    }
    Optional<String> notice =
        Optional.ofNullable(decoded.notice()).map(n -> source.displayName() + ": " + n);
    return new Result(segmenter.segment(source.docId(), text), decoded.encoding(), notice);
  }

  /**
   * No character but white space (Unicode's, including no-break and zero-width spaces and a stray
   * BOM, which {@link String#isBlank} does not count): nothing to segment, as in an empty file.
   */
  static boolean onlyWhitespace(String text) {
    return text.codePoints()
        .allMatch(
            c ->
                Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == 0x200B
                    || c == 0x2060
                    || c == 0xFEFF);
  }
}
