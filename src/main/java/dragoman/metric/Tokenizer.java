package dragoman.metric;

import java.util.List;

/**
 * One of sacreBLEU's BLEU tokenizers ({@code sacrebleu/tokenizers/}): turns a segment into tokens
 * separated by whitespace, which BLEU then splits as Python's {@code str.split()} does.
 */
public interface Tokenizer {
  /** The names {@link #forName} accepts, as sacreBLEU's {@code --tokenize} spells them. */
  List<String> NAMES = List.of("none", "13a", "intl", "char", "zh");

  /** Tokenizers sacreBLEU has that need a dictionary or model Dragoman does not ship. */
  List<String> EXTERNAL =
      List.of("ja-mecab", "ko-mecab", "spm", "flores101", "flores200", "spBLEU-1K");

  /** Tokenizes one segment. */
  String tokenize(String line);

  /** The {@code tok:} field of sacreBLEU's signature. */
  String signature();

  /**
   * The tokenizer sacreBLEU's {@code --tokenize NAME} selects.
   *
   * @throws IllegalArgumentException for an unknown name or one that needs an external dictionary
   *     or model, with a one-line message that says which
   */
  static Tokenizer forName(String name) {
    return switch (name) {
      case "none" -> new TokenizerNone();
      case "13a" -> new Tokenizer13a();
      case "intl" -> new TokenizerIntl();
      case "char" -> new TokenizerChar();
      case "zh" -> new TokenizerZh();
      default -> {
        if (EXTERNAL.contains(name)) {
          throw new IllegalArgumentException(
              "tokenizer "
                  + name
                  + " needs "
                  + (name.endsWith("mecab") ? "MeCab and its dictionary" : "a SentencePiece model")
                  + ", which Dragoman does not ship; use one of "
                  + String.join(", ", NAMES));
        }
        throw new IllegalArgumentException(
            "unknown tokenizer " + name + "; use one of " + String.join(", ", NAMES));
      }
    };
  }
}
