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
                "Die neuen Regeln gelten ab Januar und betreffen vor allem kleine Betriebe."),
            new ExamplePair(
                "Die Gewerkschaft forderte höhere Löhne und drohen mit Streiks.",
                "Die Gewerkschaft forderte höhere Löhne und drohte mit Streiks."),
            new ExamplePair(
                "Die Ärztin untersuchte den Patienten und verschrieben ihm ein Medikament.",
                "Die Ärztin untersuchte den Patienten und verschrieb ihm ein Medikament.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    Token conjunction = tokens.get(i);
    if (i + 1 >= tokens.size()
        || !(conjunction.text().equals("und") || conjunction.text().equals("oder"))) {
      return Optional.empty();
    }
    Token second = tokens.get(i + 1);
    // The tagger often reads such a verb as an adjective, or a lowercase one as a noun (German
    // nouns are capitalised, and the check below rejects capitals), so morphology decides.
    if (!(second.isVerb() || second.upos() == Upos.ADJ || second.upos() == Upos.NOUN)
        || !second.canBeFinite()
        || second.persons() == 0
        || second.capitalised()) {
      return Optional.empty();
    }
    Token first = firstVerb(tokens, i);
    if (first == null || first.canAgreeWith(second)) {
      return Optional.empty();
    }
    // A form that can be an infinitive ("trinken") may coordinate with an infinitive ("will essen
    // und trinken"): only when the first conjunct has none and no auxiliary is it finite.
    if (second.verbForm() == Token.VerbForm.EITHER && !onlyFiniteMainVerb(tokens, i, first)) {
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
   * Whether the comma-free stretch before the conjunction holds no verb but {@code first}, and that
   * one is surely finite and no auxiliary.
   */
  private static boolean onlyFiniteMainVerb(List<Token> tokens, int conjunction, Token first) {
    if (first.verbForm() != Token.VerbForm.FINITE || first.upos() == Upos.AUX) {
      return false;
    }
    for (int j = conjunction - 1; j >= 0; j--) {
      Token t = tokens.get(j);
      if (!t.isWord() && !Clauses.isNumber(t)) {
        break;
      }
      if (t != first && (t.isVerb() || t.verbForm() == Token.VerbForm.NON_FINITE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The finite verb the conjunction continues: the nearest one before it with no punctuation
   * between (after a comma, "und" may continue a clause further up). A form that can also be an
   * infinitive counts only when no surely finite verb stands before it ("wird kommen und bleibt"),
   * and never after "zu".
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
      // After "zu" the form is a zu-infinitive ("versprach, pünktlich zu kommen und brachte"):
      // the conjunction continues a verb further up.
      if (either == null
          && t.verbForm() == Token.VerbForm.EITHER
          && !(j > 0 && tokens.get(j - 1).text().equals("zu"))) {
        either = t;
      }
    }
    return either;
  }
}
