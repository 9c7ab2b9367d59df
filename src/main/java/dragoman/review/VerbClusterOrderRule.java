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

  VerbClusterOrderRule() {
    super(
        ReviewRules.STRUCTURE,
        "verb-cluster-order",
        Severity.MAJOR,
        "a non-finite verb that is not clause-final after a modal or auxiliary",
        List.of(
            new ExamplePair(
                "Morgen wollen die Schüler besuchen das große Museum in Berlin.",
                "Morgen wollen die Schüler das große Museum in Berlin besuchen.")));
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
      if (j < tokens.size() && j > i && OBJECT_TAGS.contains(tokens.get(j).upos())) {
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

  private static boolean isBareInfinitive(Token t) {
    return t.upos() == Upos.VERB
        && t.verbForm() != Token.VerbForm.FINITE
        && t.verbForm() != Token.VerbForm.NONE
        && t.text().endsWith("n")
        && !t.text().contains("zu");
  }
}
