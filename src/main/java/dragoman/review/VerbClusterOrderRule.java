package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In a clause with a finite auxiliary or modal, the infinitive closes the clause ("muss die Zahlen
 * prüfen"); an object after it ("muss prüfen die Zahlen") is English order.
 */
final class VerbClusterOrderRule extends ReviewRule {
  private static final Set<Upos> OBJECT_TAGS =
      Set.of(Upos.DET, Upos.ADJ, Upos.NOUN, Upos.PROPN, Upos.PRON, Upos.NUM);

  // A prepositional phrase after an infinitive is English order too ("muss zahlen an die Kunden");
  // after a participle it is a common German afterthought ("wurde geboren in Bern"), so only a
  // form that can be an infinitive counts there.
  private static final Set<Upos> PREPOSITION_TAGS = Set.of(Upos.ADP, Upos.ADP_DET);

  VerbClusterOrderRule() {
    super(
        ReviewRules.STRUCTURE,
        "verb-cluster-order",
        Severity.MAJOR,
        "a non-finite verb that is not clause-final after a modal or auxiliary",
        List.of(
            new ExamplePair(
                "Morgen wollen die Schüler besuchen das große Museum in Berlin.",
                "Morgen wollen die Schüler das große Museum in Berlin besuchen."),
            new ExamplePair(
                "Die Regierung wird verabschieden das Gesetz im nächsten Jahr.",
                "Die Regierung wird das Gesetz im nächsten Jahr verabschieden."),
            new ExamplePair(
                "Der Konzern muss zahlen an die Kunden eine Entschädigung.",
                "Der Konzern muss den Kunden eine Entschädigung zahlen.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    boolean auxiliary = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() && !Clauses.isNumber(t)) {
        auxiliary = false;
        continue;
      }
      if (t.upos() == Upos.AUX && t.canBeFinite()) {
        auxiliary = true;
        continue;
      }
      if (!auxiliary || !isBareInfinitive(t) || (i > 0 && tokens.get(i - 1).text().equals("zu"))) {
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()
          && (tokens.get(j).upos() == Upos.ADV || isBareInfinitive(tokens.get(j)))) {
        j++;
      }
      if (j < tokens.size()
          && j > i
          && (OBJECT_TAGS.contains(tokens.get(j).upos())
              || (PREPOSITION_TAGS.contains(tokens.get(j).upos())
                  && t.verbForm() == Token.VerbForm.EITHER))) {
        out.add(
            finding(
                t.start(),
                tokens.get(j).end(),
                "English word order: an infinitive before its object; German puts it last in the"
                    + " clause",
                null));
        auxiliary = false;
        i = j;
      }
    }
    return out;
  }

  /**
   * The tagger, misled by the English order, often reads such an infinitive as an adjective ("wird
   * verabschieden das Gesetz") or even a preposition ("wird vorlegen ihren Bericht"); then the
   * lexicon must read it as a verb that can be an infinitive, and a word of another tag only when
   * the lexicon knows it as nothing but a verb.
   */
  private static boolean isBareInfinitive(Token t) {
    return (t.upos() == Upos.VERB
            || (t.upos() == Upos.ADJ && t.verbForm() == Token.VerbForm.EITHER)
            || (t.onlyVerbReadings() && t.infinitive() && !t.capitalised()))
        && t.verbForm() != Token.VerbForm.FINITE
        && t.verbForm() != Token.VerbForm.NONE
        && t.text().endsWith("n")
        && !t.text().contains("zu");
  }
}
