package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A sentence that ends in an inflected adjective right after its clause-final verb (", um den
 * Verkehr zu entlasten breite und sichere."): an inflected adjective stands before its noun, or
 * after an article for an elided one ("die rote"), so one with neither, after the verb that closes
 * the clause, is a phrase spliced in from elsewhere, as web MT does with captions and list items. A
 * copula may govern an elided noun ("die Äpfel waren rote") and is left alone; so is an uninflected
 * adjective (", schnell und gerecht"), which German allows there.
 */
final class DanglingAdjectiveRule extends ReviewRule {
  /** Verbs whose complement may be an adjective with an elided noun. */
  private static final Set<String> COPULAS = Set.of("sein", "werden", "bleiben", "scheinen");

  DanglingAdjectiveRule() {
    super(
        ReviewRules.STRUCTURE,
        "dangling-adjective",
        Severity.MAJOR,
        "an inflected adjective with no noun after the verb that ends the sentence",
        List.of(
            new ExamplePair(
                "Die Stadt pflanzt Bäume, um die Luft zu verbessern junge und kräftige.",
                "Die Stadt pflanzt junge und kräftige Bäume, um die Luft zu verbessern."),
            new ExamplePair(
                "Der Verein hat gestern neue Mitglieder aufgenommen junge.",
                "Der Verein hat gestern junge Mitglieder aufgenommen.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    for (int end = 1; end <= tokens.size(); end++) {
      if (end < tokens.size() && !Clauses.endsSentence(tokens.get(end))) {
        continue;
      }
      Token last = tokens.get(end - 1);
      if (!last.inflectedAdjective() || !isAdjective(last)) {
        continue;
      }
      int k = end - 2;
      while (k >= 0 && (isAdjective(tokens.get(k)) || isListJoint(tokens.get(k)))) {
        k--;
      }
      if (k < 1 || !isAdjective(tokens.get(k + 1)) || !closesClause(tokens, k)) {
        continue;
      }
      Token first = tokens.get(k + 1);
      StringBuilder words = new StringBuilder();
      for (int w = k + 1; w < end; w++) {
        words.append(w > k + 1 ? " " : "").append(tokens.get(w).text());
      }
      out.add(
          finding(
              first.start(),
              last.end(),
              "'"
                  + words
                  + "' is an inflected adjective with no noun after the verb: a phrase spliced in"
                  + " from elsewhere",
              null));
    }
    return out;
  }

  /**
   * An adjective by its tag, or by the lexicon when the tagger read an inflected form as a verb
   * ("dichte": also "ich dichte").
   */
  private static boolean isAdjective(Token t) {
    return !t.capitalised() && (t.upos() == Upos.ADJ || t.inflectedAdjective());
  }

  /**
   * "und" or "oder" between the adjectives; not a comma, after which an elided noun phrase is an
   * apposition German allows ("gelesen, gute und schlechte").
   */
  private static boolean isListJoint(Token t) {
    return t.text().equals("und") || t.text().equals("oder");
  }

  /** A verb at {@code k} that can only end its clause: non-finite, or an infinitive after "zu". */
  private static boolean closesClause(List<Token> tokens, int k) {
    Token verb = tokens.get(k);
    if (!verb.isVerb() || COPULAS.contains(verb.verbLemma())) {
      return false;
    }
    return verb.verbForm() == Token.VerbForm.NON_FINITE
        || (verb.infinitive() && tokens.get(k - 1).text().equals("zu"));
  }
}
