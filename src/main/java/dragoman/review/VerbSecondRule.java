package dragoman.review;

import dragoman.text.Segment;
import dragoman.text.WordList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A German main clause has its finite verb second: after an opening adverb comes the verb ("Dann
 * kam der Regen"), not the subject ("Dann der Regen kam"), which is English order.
 */
final class VerbSecondRule extends ReviewRule {
  /** Focus particles may open a sentence together with the noun phrase they modify. */
  private static final Set<String> FOCUS_PARTICLES = WordList.load("focus-particles-de.txt");

  private static final Set<Upos> SUBJECT_TAGS = Set.of(Upos.DET, Upos.PRON, Upos.PROPN);

  VerbSecondRule() {
    super(
        ReviewRules.STRUCTURE,
        "verb-second",
        Severity.MAJOR,
        "the finite verb of a main clause is not in second position",
        List.of(
            new ExamplePair(
                "Danach die Mannschaft fuhr mit dem Bus ins Hotel.",
                "Danach fuhr die Mannschaft mit dem Bus ins Hotel.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    if (tokens.size() < 4) {
      return List.of();
    }
    Token first = tokens.get(0);
    Token second = tokens.get(1);
    if (first.upos() != Upos.ADV
        || !first.capitalised()
        || FOCUS_PARTICLES.contains(first.text().toLowerCase(Locale.GERMAN))
        || !SUBJECT_TAGS.contains(second.upos())) {
      return List.of();
    }
    // The clause must have a verb later (a verbless fragment such as a heading is not a clause).
    int verb = -1;
    for (int j = 2; j < tokens.size() && !Clauses.isBoundary(tokens.get(j)); j++) {
      if (tokens.get(j).isVerb() && tokens.get(j).canBeFinite()) {
        verb = j;
        break;
      }
    }
    if (verb <= 2) {
      return List.of();
    }
    return List.of(
        finding(
            first.start(),
            tokens.get(verb).end(),
            "after '"
                + first.text()
                + "' the finite verb comes next in German ('"
                + first.text()
                + " "
                + tokens.get(verb).text()
                + " ...'): English word order",
            null));
  }
}
