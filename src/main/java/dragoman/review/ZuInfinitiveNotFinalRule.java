package dragoman.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A zu-infinitive closes its clause ("um den Druck zu erhöhen."); a noun phrase straight after it,
 * with no comma, means a clause was cut off or text spliced in.
 */
final class ZuInfinitiveNotFinalRule extends TokenRule {
  private static final Set<Upos> NOUN_PHRASE_TAGS =
      Set.of(Upos.ADJ, Upos.NOUN, Upos.PROPN, Upos.DET);

  ZuInfinitiveNotFinalRule() {
    super(
        ReviewRules.STRUCTURE,
        "zu-infinitive-not-final",
        Severity.MAJOR,
        "words glued on after a zu-infinitive clause",
        List.of(
            new ExamplePair(
                "Er kam früher, um die Arbeit abzuschließen wichtige Briefe lagen bereit.",
                "Er kam früher, um die Arbeit abzuschließen.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    if (i + 1 >= tokens.size()) {
      return Optional.empty();
    }
    Token t = tokens.get(i);
    boolean zu =
        t.upos() == Upos.VERB
            && (t.text().contains("zu") && t.verbForm() == Token.VerbForm.NON_FINITE
                || i > 0
                    && tokens.get(i - 1).text().equals("zu")
                    && tokens.get(i - 1).upos() == Upos.PART);
    Token next = tokens.get(i + 1);
    if (zu && NOUN_PHRASE_TAGS.contains(next.upos()) && next.isWord()) {
      return Optional.of(
          finding(
              t.start(),
              next.end(),
              "the zu-infinitive '"
                  + t.text()
                  + "' should end its clause: a comma or words are missing",
              null));
    }
    return Optional.empty();
  }
}
