package dragoman.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs where LanguageTool's SRX rules split news and web text wrongly, each a small step over
 * the pieces in order:
 *
 * <ol>
 *   <li>German ordinals. The SRX rules keep "am 1. November" together (they list the months) but
 *       split "im 2. Weltkrieg" or "zum 3. Mal". An ordinal is almost always introduced by an
 *       article or a preposition fused with one, while a sentence that ends in a cardinal number
 *       rarely ends in "der 2." or "zum 3.", so those are joined with what follows when that starts
 *       with a letter.
 *   <li>No space after the mark. A sentence ends at a mark followed by white space; a split with
 *       nothing between the pieces is inside a token: a URL ({@code news.asp?ArticleID=97508}), a
 *       domain ({@code Newsfeeds.Com}), a part number ({@code EY4108.H}). Those pieces are joined.
 *   <li>Emoticons. A piece that starts with an emoticon ({@code :)}, {@code ;-)}, {@code :D}...)
 *       after a split at "!" or "." holds the previous sentence's emoticon; it moves back to it.
 *   <li>TeX-style closing quotes. Text converted from LaTeX or the Penn Treebank writes quotes as
 *       {@code ``...''}; the German rules know {@code "} and {@code “} but not {@code ''}, so a
 *       sentence end before {@code ''} followed by a capital is missed. Pieces are split there.
 * </ol>
 */
final class SentenceRepairs {
  private static final Pattern GERMAN_ORDINAL_END =
      Pattern.compile(
          "(?iu)(?:^|[\\s(„\"‚'])(?:am|im|vom|zum|zur|beim|ins|der|die|das|den|dem|des|ein|eine|"
              + "einem|einen|einer|eines|jede|jedem|jeden|jeder|jedes|sein|seine|seinem|seinen|"
              + "seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres|unser|unsere|unserem|unseren|"
              + "unserer|unseres|dieser|diese|diesem|diesen|dieses)\\s+\\d{1,3}\\.$");

  /**
   * Western emoticons as a token: eyes {@code : ; = 8 x X}, an optional nose {@code - o ' ^}, a
   * mouth; or {@code ^^}, {@code ^_^}, {@code <3}. Followed by white space or the end.
   */
  private static final Pattern LEADING_EMOTICON =
      Pattern.compile("^(?:[:;=8xX][-o'^]?[)(\\]\\[DPpOo3|/\\\\*]+|\\^_?\\^|<3)(?=\\s|$)");

  /** A sentence end before TeX closing quotes, then white space and a sentence start. */
  private static final Pattern TEX_QUOTE_END =
      Pattern.compile("[.!?…]''(\\s+)(?=[\\p{Lu}\\p{Lt}\\d\"„“‚`])");

  private final Language language;

  SentenceRepairs(Language language) {
    this.language = language;
  }

  List<Span> apply(String text, List<Span> pieces) {
    List<Span> out = pieces;
    if (language == Language.GERMAN) {
      out = joinOrdinals(text, out);
    }
    out = joinWithoutSpace(text, out);
    out = moveLeadingEmoticons(text, out);
    return splitAtTexQuotes(text, out);
  }

  private static List<Span> joinOrdinals(String text, List<Span> pieces) {
    return join(
        pieces, (current, next) -> endsWithOrdinal(text, current) && startsWithLetter(text, next));
  }

  /** Joins pieces with no character, not even white space, between their stripped texts. */
  private static List<Span> joinWithoutSpace(String text, List<Span> pieces) {
    return join(
        pieces,
        (current, next) -> {
          Span a = current.strip(text);
          Span b = next.strip(text);
          return a.length() > 0 && b.length() > 0 && a.end() == b.start();
        });
  }

  private interface JoinTest {
    boolean join(Span current, Span next);
  }

  private static List<Span> join(List<Span> pieces, JoinTest test) {
    if (pieces.size() < 2) {
      return pieces;
    }
    List<Span> out = new ArrayList<>();
    Span current = pieces.get(0);
    for (int i = 1; i < pieces.size(); i++) {
      Span next = pieces.get(i);
      if (test.join(current, next)) {
        current = new Span(current.start(), next.end());
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    return out;
  }

  private static List<Span> moveLeadingEmoticons(String text, List<Span> pieces) {
    if (pieces.size() < 2) {
      return pieces;
    }
    List<Span> out = new ArrayList<>(pieces);
    for (int i = 1; i < out.size(); i++) {
      Span next = out.get(i).strip(text);
      Matcher m = LEADING_EMOTICON.matcher(text).region(next.start(), next.end());
      if (next.length() == 0 || !m.lookingAt()) {
        continue;
      }
      Span previous = out.get(i - 1);
      if (m.end() == next.end()) {
        out.set(i - 1, new Span(previous.start(), out.get(i).end()));
        out.remove(i);
        i--;
      } else {
        out.set(i - 1, new Span(previous.start(), m.end()));
        out.set(i, new Span(m.end(), out.get(i).end()));
      }
    }
    return out;
  }

  private static List<Span> splitAtTexQuotes(String text, List<Span> pieces) {
    List<Span> out = new ArrayList<>();
    for (Span piece : pieces) {
      int start = piece.start();
      Matcher m = TEX_QUOTE_END.matcher(text).region(piece.start(), piece.end());
      while (m.find()) {
        out.add(new Span(start, m.start(1)));
        start = m.end(1);
      }
      out.add(new Span(start, piece.end()));
    }
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
