package dragoman.review;

import java.util.List;
import java.util.Optional;

/**
 * A finite verb right after "und" or "oder" shares the subject of the finite verb before it ("Der
 * Bürgermeister eröffnete die Brücke und lobte ..."); when the two have no person and number in
 * common, one subject cannot govern both: the second verb is inflected for another subject.
 */
final class CoordinatedVerbAgreementRule extends TokenRule {
  CoordinatedVerbAgreementRule() {
    super(
        ReviewRules.STRUCTURE,
        "coordinated-verb-agreement",
        Severity.MAJOR,
        "a second verb after 'und' or 'oder' that does not agree with the first",
        List.of(
            new ExamplePair(
                "Der Bürgermeister eröffnete die neue Brücke und lobten die Bauarbeiter.",
                "Der Bürgermeister eröffnete die neue Brücke und lobte die Bauarbeiter."),
            new ExamplePair(
                "Die neuen Regeln gelten ab Januar und betrifft vor allem kleine Betriebe.",
                "Die neuen Regeln gelten ab Januar und betreffen vor allem kleine Betriebe.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    Token conjunction = tokens.get(i);
    if (i + 1 >= tokens.size()
        || !(conjunction.text().equals("und") || conjunction.text().equals("oder"))) {
      return Optional.empty();
    }
    Token second = tokens.get(i + 1);
    // Only a form that cannot be an infinitive: "will essen und trinken" coordinates infinitives.
    // The tagger often reads such a verb as an adjective, so morphology decides.
    if (!(second.isVerb() || second.upos() == Upos.ADJ)
        || second.verbForm() != Token.VerbForm.FINITE
        || second.persons() == 0
        || second.capitalised()) {
      return Optional.empty();
    }
    Token first = firstVerb(tokens, i);
    if (first == null || first.canAgreeWith(second)) {
      return Optional.empty();
    }
    return Optional.of(
        finding(
            second.start(),
            second.end(),
            "'"
                + second.text()
                + "' does not agree with '"
                + first.text()
                + "': the verbs share one subject, so they take the same person and number",
            null));
  }

  /**
   * The finite verb the conjunction continues: the nearest one before it with no punctuation
   * between (after a comma, "und" may continue a clause further up). A form that can also be an
   * infinitive counts only when no surely finite verb stands before it ("wird kommen und bleibt").
   */
  private static Token firstVerb(List<Token> tokens, int conjunction) {
    Token either = null;
    for (int j = conjunction - 1; j >= 0; j--) {
      Token t = tokens.get(j);
      if (!t.isWord() && !Clauses.isNumber(t)) {
        break;
      }
      if (!t.isVerb() || t.persons() == 0) {
        continue;
      }
      if (t.verbForm() == Token.VerbForm.FINITE) {
        return t;
      }
      if (either == null && t.verbForm() == Token.VerbForm.EITHER) {
        either = t;
      }
    }
    return either;
  }
}
