package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A main clause with a full verb, then a comma and an infinitive group that lost its "um ... zu"
 * ("Der Minister reiste nach Brüssel, mit seinen Kollegen über die Krise sprechen."): German writes
 * such a group as a zu-infinitive. The group has no finite verb, conjunction, pronoun or question
 * word (those make it a clause of its own), and no noun phrase in it could be the subject of its
 * last verb; the main clause has no auxiliary or modal that an infinitive could belong to.
 */
final class InfinitiveClauseAfterCommaRule extends ReviewRule {
  /** Words that can open a relative clause after a comma. */
  private static final Set<String> RELATIVE_PRONOUNS =
      Set.of(
          "der", "die", "das", "den", "dem", "denen", "deren", "dessen", "welche", "welcher",
          "welches", "welchen", "welchem");

  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "wo", "wann", "warum", "weshalb", "wieso", "wobei", "womit", "wodurch", "worauf",
          "worüber", "wohin", "woher", "was", "wer");

  InfinitiveClauseAfterCommaRule() {
    super(
        ReviewRules.STRUCTURE,
        "infinitive-clause-after-comma",
        Severity.MAJOR,
        "an infinitive group after a comma without 'um ... zu'",
        List.of(
            new ExamplePair(
                "Die Trainerin flog nach Madrid, dort mit dem Verein über einen Vertrag sprechen.",
                "Die Trainerin flog nach Madrid, um dort mit dem Verein über einen Vertrag zu"
                    + " sprechen.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    int start = 0;
    while (start < tokens.size()) {
      int comma = start;
      while (comma < tokens.size() && tokens.get(comma).upos() != Upos.PUNCT) {
        comma++;
      }
      if (comma < tokens.size()
          && tokens.get(comma).text().equals(",")
          && mainClauseWithFullVerb(tokens, start, comma)) {
        int end = comma + 1;
        while (end < tokens.size() && tokens.get(end).upos() != Upos.PUNCT) {
          end++;
        }
        if (isBareInfinitiveGroup(tokens, comma + 1, end)) {
          Token last = tokens.get(end - 1);
          out.add(
              finding(
                  tokens.get(comma + 1).start(),
                  last.end(),
                  "an infinitive group ending in '"
                      + last.text()
                      + "' after a comma: 'um ... zu' is missing",
                  null));
        }
      }
      start = nextSentence(tokens, comma);
    }
    return out;
  }

  /** The index after the sentence end at or after {@code i}. */
  private static int nextSentence(List<Token> tokens, int i) {
    int k = i;
    while (k < tokens.size() && !Clauses.endsSentence(tokens.get(k))) {
      k++;
    }
    return k + 1;
  }

  private static boolean mainClauseWithFullVerb(List<Token> tokens, int from, int to) {
    boolean fullVerb = false;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      if (t.upos() == Upos.AUX || Clauses.startsClause(t) && t.isWord()) {
        return false;
      }
      if (t.upos() == Upos.VERB && t.verbForm() == Token.VerbForm.FINITE && !t.capitalised()) {
        if (BareInfinitiveClauseRule.TAKES_BARE.contains(t.verbLemma())) {
          return false;
        }
        fullVerb = true;
      } else if (t.isVerb() && t.infinitive()) {
        return false;
      }
    }
    return fullVerb;
  }

  private static boolean isBareInfinitiveGroup(List<Token> tokens, int from, int to) {
    if (to - from < 2) {
      return false;
    }
    Token last = tokens.get(to - 1);
    boolean verb = last.upos() == Upos.VERB || last.onlyVerbReadings();
    if (!verb
        || !last.infinitive()
        || last.capitalised()
        || Clauses.isZuInfinitive(last)
        || tokens.get(to - 2).text().equals("zu")) {
      return false;
    }
    if (RELATIVE_PRONOUNS.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      String lower = t.text().toLowerCase(Locale.ROOT);
      if (t.upos() == Upos.PRON
          || t.upos() == Upos.AUX
          || Clauses.startsClause(t) && !Clauses.isNumber(t)
          || QUESTION_WORDS.contains(lower)
          || lower.equals("zu")
          || t.isVerb() && t.verbForm() == Token.VerbForm.FINITE
          || Clauses.isRelativeDeterminer(tokens, k, to)) {
        return false;
      }
    }
    return !couldBeSubject(tokens, from, to - 1, last.thirdPersonNumbers());
  }

  /** Whether a noun phrase in [from, to) can be a nominative of one of {@code numbers}. */
  private static boolean couldBeSubject(List<Token> tokens, int from, int to, int numbers) {
    int phrase = Token.SINGULAR | Token.PLURAL;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(k);
      if (t.upos() == Upos.DET || t.upos() == Upos.ADJ) {
        phrase &= t.nominative();
      } else if (t.upos() == Upos.NOUN || t.upos() == Upos.PROPN) {
        if ((phrase & t.nominative() & numbers) != 0) {
          return true;
        }
        phrase = Token.SINGULAR | Token.PLURAL;
      } else {
        phrase = Token.SINGULAR | Token.PLURAL;
      }
    }
    return false;
  }
}
