package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A clause opened by "um", "ohne", "statt" or "anstatt" after a comma ends in a zu-infinitive (",
 * um den Konsum anzukurbeln"); one that ends in a bare infinitive (", um den Konsum ankurbeln")
 * lost its "zu". A finite verb in the clause makes it a relative clause (", um die sich alle
 * kümmern"), and so does a determiner or pronoun right after the conjunction that opens no noun
 * phrase.
 */
final class InfinitiveClauseWithoutZuRule extends ReviewRule {
  private static final Set<String> CONJUNCTIONS = Set.of("um", "ohne", "statt", "anstatt");

  InfinitiveClauseWithoutZuRule() {
    super(
        ReviewRules.STRUCTURE,
        "infinitive-clause-without-zu",
        Severity.MAJOR,
        "an um/ohne/statt clause whose infinitive lacks 'zu'",
        List.of(
            new ExamplePair(
                "Die Stadt senkt die Gebühren, um mehr Besucher anlocken.",
                "Die Stadt senkt die Gebühren, um mehr Besucher anzulocken."),
            new ExamplePair(
                "Er verließ das Haus, ohne ein Wort sagen.",
                "Er verließ das Haus, ohne ein Wort zu sagen.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    for (int i = 1; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!tokens.get(i - 1).text().equals(",")
          || !CONJUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))
          || tokens.get(i + 1).upos() == Upos.PRON
          || Clauses.isRelativeDeterminer(tokens, i + 1, tokens.size())) {
        continue;
      }
      int end = i + 1;
      boolean zu = false;
      boolean finite = false;
      while (end < tokens.size() && tokens.get(end).upos() != Upos.PUNCT) {
        Token w = tokens.get(end);
        zu |= w.text().equals("zu") || (w.isVerb() && Clauses.isZuInfinitive(w));
        finite |= w.isVerb() && w.verbForm() == Token.VerbForm.FINITE;
        end++;
      }
      Token last = tokens.get(end - 1);
      if (end - 1 > i
          && !zu
          && !finite
          && last.upos() == Upos.VERB
          && last.infinitive()
          && !last.capitalised()) {
        out.add(
            finding(
                t.start(),
                last.end(),
                "'" + t.text() + " ... " + last.text() + "' needs a zu-infinitive: 'zu' is missing",
                null));
      }
      i = end - 1;
    }
    return out;
  }
}
