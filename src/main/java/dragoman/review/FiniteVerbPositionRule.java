package dragoman.review;

import dragoman.text.Segment;
import dragoman.text.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A clause opened by a subordinating conjunction or a relative pronoun puts its finite verb last
 * ("dass er das Buch kauft", "das er gekauft hat"; Duden Grammatik §1340 ff.); a noun phrase or
 * another verb after the verb cluster ("dass er kauft das Buch", "das er gekauft hat Neubewertung")
 * is English order or a splice. Clauses are the stretches between punctuation and coordinating
 * conjunctions.
 */
final class FiniteVerbPositionRule extends ReviewRule {
  /** Subordinating conjunctions that put the finite verb last. */
  private static final Set<String> SUBORDINATORS =
      WordList.load("subordinating-conjunctions-de.txt");

  /** Relative pronouns that open a clause embedded in the one around it. */
  private static final Set<String> RELATIVES = WordList.load("relative-pronouns-de.txt");

  private static final Set<Upos> NOMINAL_TAGS = Set.of(Upos.NOUN, Upos.PROPN, Upos.DET);

  FiniteVerbPositionRule() {
    super(
        ReviewRules.STRUCTURE,
        "finite-verb-position",
        Severity.MAJOR,
        "in a subordinate clause the finite verb is not at the end",
        List.of(
            new ExamplePair(
                "Wir wissen, dass die Firma verkauft ihre alten Maschinen.",
                "Wir wissen, dass die Firma ihre alten Maschinen verkauft.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    boolean pending = false;
    int i = 0;
    while (i < tokens.size()) {
      if (Clauses.isBoundary(tokens, i)) {
        i++;
        continue;
      }
      int from = i;
      while (i < tokens.size() && !Clauses.isBoundary(tokens, i)) {
        i++;
      }
      int to = i;
      boolean afterComma = from > 0 && tokens.get(from - 1).text().equals(",");
      Token first = tokens.get(from);
      String lower = first.text().toLowerCase(Locale.GERMAN);
      int k = first.upos() == Upos.ADP && from + 1 < to ? from + 1 : from;
      boolean relative =
          afterComma
              && tokens.get(k).upos() == Upos.PRON
              && RELATIVES.contains(tokens.get(k).text().toLowerCase(Locale.GERMAN));
      Token second = from + 1 < to ? tokens.get(from + 1) : first;
      // "als würden wir ..." (as if) puts the verb first; "Als Folge ..." is a preposition.
      boolean asIf = lower.equals("als") && (second.isVerb() || second.upos() == Upos.NOUN);
      // After a comma, "als" (possibly after an adverb: "gerade als") opens a temporal clause;
      // the tagger often reads it as a preposition.
      int c = first.upos() == Upos.ADV && from + 1 < to ? from + 1 : from;
      boolean temporalAls =
          afterComma
              && tokens.get(c).text().equalsIgnoreCase("als")
              && c + 1 < to
              && !tokens.get(c + 1).isVerb()
              && tokens.get(c + 1).upos() != Upos.NOUN;
      boolean subordinate =
          (first.upos() == Upos.SCONJ && SUBORDINATORS.contains(lower) && !asIf) || temporalAls;
      boolean mainAfterSubordinate = first.isVerb() && first.verbForm() == Token.VerbForm.FINITE;
      boolean verbFinal = subordinate || relative || (pending && !mainAfterSubordinate);
      // A relative clause inside a subordinate clause leaves the outer clause waiting for its verb.
      boolean outerPending = relative && pending;
      pending = false;
      if (!verbFinal) {
        continue;
      }
      int v = -1;
      for (int j = from + 1; j < to; j++) {
        if (tokens.get(j).isVerb()) {
          v = j;
          break;
        }
      }
      if (v < 0) {
        // No verb yet (e.g. "dass, wenn ..."): the clause goes on after the interruption, unless
        // a participle or adjective-like verb form may have closed it.
        pending = outerPending || !relative && !hasVerbForm(tokens, from, to);
        continue;
      }
      int end = v;
      while (end + 1 < to && (tokens.get(end + 1).isVerb())) {
        end++;
      }
      if (!hasFinite(tokens, v, end)) {
        // A zu-infinitive inside the clause ("dass X, um Y zu tun, kommt"): its verb is still due.
        pending = outerPending || !relative;
        continue;
      }
      pending = outerPending;
      int words = 0;
      boolean nominal = false;
      boolean verb = false;
      int last = end;
      for (int j = end + 1; j < to; j++) {
        Token n = tokens.get(j);
        if (j == end + 1 && Clauses.COMPARATIVES.contains(n.text().toLowerCase(Locale.GERMAN))) {
          break;
        }
        if (n.isWord()) {
          words++;
          last = j;
          nominal |= NOMINAL_TAGS.contains(n.upos());
          verb |= n.isVerb();
        }
      }
      if (words >= 2 && (nominal || verb)) {
        out.add(
            finding(
                tokens.get(v).start(),
                tokens.get(last).end(),
                "'"
                    + tokens.get(end).text()
                    + "' should end its "
                    + (relative ? "relative" : "subordinate")
                    + " clause: words follow it (English order, or text spliced in)",
                null));
      }
    }
    return out;
  }

  private static boolean hasVerbForm(List<Token> tokens, int from, int to) {
    for (int j = from; j < to; j++) {
      if (tokens.get(j).verbForm() != Token.VerbForm.NONE && tokens.get(j).upos() != Upos.DET) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasFinite(List<Token> tokens, int from, int to) {
    for (int j = from; j <= to; j++) {
      if (tokens.get(j).canBeFinite()) {
        return true;
      }
    }
    return false;
  }
}
