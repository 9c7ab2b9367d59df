package dragoman.text;

/**
 * Text decoded from bytes.
 *
 * @param text the decoded characters, not yet normalised
 * @param encoding the charset that decoded them
 * @param guessed true when no BOM or valid UTF-8 told the encoding and it was inferred from the
 *     bytes (a legacy 8-bit charset, or UTF-16 from its NUL-byte pattern)
 * @param notice what the reader should know about the decoding, one line without the file name
 *     (e.g. "not valid UTF-8, decoded as windows-1252; ..."), or null when there is nothing to say
 */
public record DecodedText(String text, String encoding, boolean guessed, String notice) {}
