package dragoman.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins sentence pieces that LanguageTool's SRX rules split wrongly in news text.
 *
 * <p>German writes ordinals as a number with a period. The SRX rules keep "am 1. November" together
 * (they list the months) but split "im 2. Weltkrieg" or "zum 3. Mal". An ordinal is almost always
 * introduced by an article or a preposition fused with one, while a sentence that ends in a
 * cardinal number rarely ends in "der 2." or "zum 3.", so those are joined with what follows when
 * that starts with a letter.
 */
final class SentenceRepairs {
  private static final Pattern GERMAN_ORDINAL_END =
      Pattern.compile(
          "(?iu)(?:^|[\\s(„\"‚'])(?:am|im|vom|zum|zur|beim|ins|der|die|das|den|dem|des|ein|eine|"
              + "einem|einen|einer|eines|jede|jedem|jeden|jeder|jedes|sein|seine|seinem|seinen|"
              + "seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres|unser|unsere|unserem|unseren|"
              + "unserer|unseres|dieser|diese|diesem|diesen|dieses)\\s+\\d{1,3}\\.$");

  private final Language language;

  SentenceRepairs(Language language) {
    this.language = language;
  }

  List<Span> apply(String text, List<Span> pieces) {
    if (language != Language.GERMAN || pieces.size() < 2) {
      return pieces;
    }
    List<Span> out = new ArrayList<>();
    Span current = pieces.get(0);
    for (int i = 1; i < pieces.size(); i++) {
      Span next = pieces.get(i);
      if (endsWithOrdinal(text, current) && startsWithLetter(text, next)) {
        current = new Span(current.start(), next.end());
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    return out;
  }

  private static boolean endsWithOrdinal(String text, Span piece) {
    Span s = piece.strip(text);
    return GERMAN_ORDINAL_END.matcher(text.substring(s.start(), s.end())).find();
  }

  private static boolean startsWithLetter(String text, Span piece) {
    Span s = piece.strip(text);
    return s.length() > 0 && Character.isLetter(text.codePointAt(s.start()));
  }
}
