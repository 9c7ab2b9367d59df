package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sentence that opens with a noun phrase and its finite verb ("Die Behörden prüft den Antrag"):
 * when the phrase can only be a nominative of one number and the verb's 3rd person only the other,
 * the verb is inflected for another subject. LanguageTool checks pronoun subjects; this rule checks
 * noun subjects in the commonest place.
 */
final class SubjectVerbAgreementRule extends ReviewRule {
  SubjectVerbAgreementRule() {
    super(
        ReviewRules.STRUCTURE,
        "subject-verb-agreement",
        Severity.MAJOR,
        "a finite verb whose number the noun phrase before it does not have",
        List.of(
            new ExamplePair(
                "Die Behörden prüft den Antrag seit mehreren Wochen.",
                "Die Behörden prüfen den Antrag seit mehreren Wochen."),
            new ExamplePair(
                "Die Kinder spielt jeden Nachmittag im Garten.",
                "Die Kinder spielen jeden Nachmittag im Garten.")));
  }

  /** Determiners after which an adjective, and so a nominalised one, takes the strong plural. */
  private static final Set<String> PLURAL_QUANTIFIERS =
      Set.of(
          "viele",
          "einige",
          "mehrere",
          "wenige",
          "zahlreiche",
          "etliche",
          "manche",
          "verschiedene",
          "andere");

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    for (int start = 0; start < tokens.size(); start++) {
      if (start == 0 || Clauses.endsSentence(tokens.get(start - 1))) {
        check(tokens, start, out);
      }
    }
    return out;
  }

  private void check(List<Token> tokens, int start, List<Finding> out) {
    int j = start;
    int numbers = Token.SINGULAR | Token.PLURAL;
    if (j < tokens.size() && tokens.get(j).upos() == Upos.DET) {
      numbers &= tokens.get(j++).nominative();
    }
    while (j < tokens.size() && tokens.get(j).upos() == Upos.ADJ) {
      numbers &= tokens.get(j++).nominative();
    }
    if (j + 1 >= tokens.size() || tokens.get(j).upos() != Upos.NOUN) {
      return;
    }
    Token noun = tokens.get(j);
    Token verb = tokens.get(j + 1);
    // A nominalised adjective declines like one: after a plural quantifier "Reisende" is the
    // strong plural ("viele Reisende"), which the lexicon may not list.
    boolean strongPlural =
        j > start
            && PLURAL_QUANTIFIERS.contains(tokens.get(start).text().toLowerCase(Locale.ROOT))
            && noun.text().endsWith("e");
    numbers &= strongPlural ? Token.PLURAL : noun.nominative();
    int verbNumbers = verb.thirdPersonNumbers();
    if (numbers == 0
        || !verb.isVerb()
        || !verb.canBeFinite()
        || verbNumbers == 0
        || (numbers & verbNumbers) != 0) {
      return;
    }
    // A word after the verb that can be a nominative may be the subject, and the opening phrase
    // an object ("Die Kinder sieht er jeden Tag"); a finite verb after a form that can be an
    // infinitive makes the two words a clause of their own ("Das Auto waschen ist teuer").
    if (j + 2 < tokens.size()
        && (canBeSubject(tokens.get(j + 2))
            || (verb.verbForm() == Token.VerbForm.EITHER && tokens.get(j + 2).canBeFinite()))) {
      return;
    }
    out.add(
        finding(
            noun.start(),
            verb.end(),
            "'"
                + verb.text()
                + "' does not agree with '"
                + noun.text()
                + "': a "
                + ((numbers & Token.PLURAL) != 0 ? "plural" : "singular")
                + " subject takes a "
                + ((numbers & Token.PLURAL) != 0 ? "plural" : "singular")
                + " verb",
            null));
  }

  private static boolean canBeSubject(Token t) {
    return t.nominative() != 0 || t.upos() == Upos.PRON || t.upos() == Upos.PROPN;
  }
}
