package dragoman.text;

/**
 * Text decoded from bytes.
 *
 * @param text the decoded characters, not yet normalised
 * @param encoding the charset that decoded them
 * @param guessed true when no BOM or valid UTF-8 told the encoding and a legacy one was assumed
 */
public record DecodedText(String text, String encoding, boolean guessed) {}
