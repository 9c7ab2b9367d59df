package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An infinitive clause glued onto a clause whose full verb takes no infinitive ("Der Minister
 * reiste nach Paris treffen seinen Kollegen"): the purpose clause lost its "um ... zu" in
 * translation. Verbs that do take a bare infinitive ("gingen einkaufen", "ließ ihn warten") and
 * modals or auxiliaries (tagged AUX) are left alone; the infinitive must open an object (a
 * determiner or pronoun follows it), so a clause-final "legte sich schlafen" is not read as one.
 */
final class BareInfinitiveClauseRule extends ReviewRule {
  /** Full verbs that take a bare infinitive (Duden's list for main verbs, by lemma). */
  static final Set<String> TAKES_BARE =
      Set.of(
          "gehen",
          "kommen",
          "lassen",
          "sehen",
          "hören",
          "helfen",
          "bleiben",
          "lernen",
          "lehren",
          "fahren",
          "fühlen",
          "spüren",
          "schicken",
          "heißen",
          "brauchen");

  BareInfinitiveClauseRule() {
    super(
        ReviewRules.STRUCTURE,
        "bare-infinitive-clause",
        Severity.MAJOR,
        "an infinitive clause without 'um ... zu' glued onto a clause",
        List.of(
            new ExamplePair(
                "Die Ministerin flog nach Rom treffen ihren italienischen Amtskollegen.",
                "Die Ministerin flog nach Rom, um ihren italienischen Amtskollegen zu treffen.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    int fullVerb = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (Clauses.startsClause(t)) {
        fullVerb = -1;
        continue;
      }
      if (fullVerb < 0) {
        if (t.upos() == Upos.VERB
            && !t.capitalised()
            && t.verbForm() == Token.VerbForm.FINITE
            && !TAKES_BARE.contains(t.verbLemma())
            && !(t.inflectedAdjective() && beforeNounPhrase(tokens, i))) {
          fullVerb = i;
        }
        continue;
      }
      if (isGluedInfinitive(tokens, i)) {
        out.add(
            finding(
                t.start(),
                tokens.get(i + 1).end(),
                "'"
                    + t.text()
                    + "' opens an infinitive clause after '"
                    + tokens.get(fullVerb).text()
                    + "' without 'um ... zu' or a comma",
                null));
        fullVerb = -1;
      }
    }
    return out;
  }

  /**
   * A past form that is also an inflected participle ("errichteten": the participle of a verb with
   * an inseparable prefix takes no "ge-") is attributive before a noun or adjective ("die ...
   * errichteten Stiftungen bieten"), not the clause's verb. One that is not ("kaufte neue
   * Computer") stays the verb.
   */
  private static boolean beforeNounPhrase(List<Token> tokens, int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Upos next = tokens.get(i + 1).upos();
    return next == Upos.NOUN || next == Upos.PROPN || next == Upos.ADJ;
  }

  private static boolean isGluedInfinitive(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    // The tagger reads some misplaced infinitives as adjectives; the lexicon then decides.
    boolean verb = t.upos() == Upos.VERB || t.upos() == Upos.ADJ && t.onlyVerbReadings();
    if (!verb || !t.infinitive() || t.capitalised() || i + 1 >= tokens.size()) {
      return false;
    }
    Upos next = tokens.get(i + 1).upos();
    return !tokens.get(i - 1).text().equals("zu") && (next == Upos.DET || next == Upos.PRON);
  }
}
