package dragoman.review;

import java.util.List;
import java.util.Optional;

/**
 * Two verbs that can only be finite side by side ("es war kletterte"): one clause cannot hold both,
 * so a boundary or a word is missing.
 */
final class TwoFiniteVerbsRule extends TokenRule {
  TwoFiniteVerbsRule() {
    super(
        ReviewRules.STRUCTURE,
        "two-finite-verbs",
        Severity.MAJOR,
        "two finite verbs in one clause",
        List.of(
            new ExamplePair(
                "Das Haus war brannte bis auf die Grundmauern nieder.",
                "Das Haus brannte bis auf die Grundmauern nieder.")));
  }

  @Override
  protected Optional<Finding> at(List<Token> tokens, int i) {
    if (i < 1) {
      return Optional.empty();
    }
    Token a = tokens.get(i - 1);
    Token b = tokens.get(i);
    // The tagger often reads the second verb as a predicative adjective ("war kletterte"), so
    // morphology decides for it, if the word can be nothing but a verb: "lange" in "mussten lange
    // warten" is an adverb that is also a form of "langen". A capitalised first word is a noun the
    // tagger took for a verb ("Die Fahrgäste mussten"), or opens the sentence, where no verb runs
    // into a finite one.
    if (a.isVerb()
        && (b.isVerb() || (b.upos() == Upos.ADJ && b.onlyVerbReadings()))
        && a.verbForm() == Token.VerbForm.FINITE
        && b.verbForm() == Token.VerbForm.FINITE
        && !a.capitalised()
        && !b.capitalised()) {
      return Optional.of(
          finding(
              a.start(),
              b.end(),
              "two finite verbs side by side: a clause boundary or a word is missing",
              null));
    }
    return Optional.empty();
  }
}
