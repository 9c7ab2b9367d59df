package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A second main clause run onto the first without punctuation ("Der Zug hatte Verspätung die
 * Fahrgäste mussten warten"): after a clause with its finite verb, a nominative noun phrase and a
 * finite verb that agrees with it. A main clause holds one finite verb; a second one needs a comma,
 * a conjunction or a relative pronoun before its clause, and each of those starts the stretch this
 * rule reads afresh.
 */
final class RunOnSentenceRule extends ReviewRule {
  /** Tags of a word that can end the first clause just before the second one's noun phrase. */
  private static final Set<Upos> CLAUSE_END_TAGS =
      Set.of(Upos.NOUN, Upos.PROPN, Upos.ADV, Upos.ADJ, Upos.VERB, Upos.NUM);

  RunOnSentenceRule() {
    super(
        ReviewRules.STRUCTURE,
        "run-on-sentence",
        Severity.MAJOR,
        "a second main clause follows the first without punctuation",
        List.of(
            new ExamplePair(
                "Das Spiel wurde am Abend abgebrochen die Zuschauer mussten das Stadion verlassen.",
                "Das Spiel wurde am Abend abgebrochen. Die Zuschauer mussten das Stadion verlassen."),
            new ExamplePair(
                "Der Sturm hat viele Dächer beschädigt die Schäden sind hoch.",
                "Der Sturm hat viele Dächer beschädigt. Die Schäden sind hoch.")));
  }

  @Override
  public List<Finding> match(List<Token> tokens, Segment segment) {
    List<Finding> out = new ArrayList<>();
    int stretch = 0; // first token of the stretch since the last clause boundary
    int finite = -1; // the stretch's first finite verb
    boolean clusterClosed = false; // a non-finite verb after an auxiliary finite verb
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (Clauses.startsClause(t)) {
        stretch = i + 1;
        finite = -1;
        clusterClosed = false;
        continue;
      }
      if (finite < 0) {
        if (isFirstFinite(tokens, stretch, i)) {
          finite = i;
        }
        continue;
      }
      if (i > finite && t.isVerb() && t.verbForm() != Token.VerbForm.FINITE) {
        clusterClosed = true;
      }
      if (i - 1 > finite && opensPhraseAfterClauseEnd(tokens, i)) {
        // A prepositional phrase, or a noun phrase that cannot be nominative, opens a clause whose
        // subject follows its verb ("am Morgen gab es", "den Fahrer konnte sie"); a phrase that
        // can be nominative is the subject before it.
        boolean subjectAfter = t.upos() != Upos.DET || t.nominative() == 0;
        int v =
            subjectAfter
                ? frontedPhraseVerb(tokens, i)
                : subjectFirstVerb(tokens, i, tokens.get(finite), clusterClosed);
        if (v > 0) {
          out.add(runOn(tokens, i, v, subjectAfter));
          stretch = i;
          finite = v;
          clusterClosed = false;
          i = v;
        }
      }
    }
    return out;
  }

  private static boolean isSurelyFinite(Token t) {
    return t.isVerb() && !t.capitalised() && t.verbForm() == Token.VerbForm.FINITE;
  }

  /** A lowercase pronoun or article that can be a nominative: the object-first clause's subject. */
  private static boolean canOpenSubject(Token t) {
    return (t.upos() == Upos.PRON || t.upos() == Upos.DET)
        && !t.capitalised()
        && t.nominative() != 0;
  }

  /**
   * A surely finite verb, or one that may also be an infinitive ("steigen") right after a
   * sentence-initial noun phrase, where only the finite verb stands.
   */
  private static boolean isFirstFinite(List<Token> tokens, int stretch, int i) {
    Token t = tokens.get(i);
    if (!t.isVerb() || t.capitalised()) {
      return false;
    }
    if (t.verbForm() == Token.VerbForm.FINITE) {
      return true;
    }
    return t.verbForm() == Token.VerbForm.EITHER && stretch == 0 && afterNounPhrase(tokens, 0) == i;
  }

  /**
   * A lowercase article, determiner, preposition or contraction ("am") after a word that can end a
   * clause.
   */
  private static boolean opensPhraseAfterClauseEnd(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    Token prev = tokens.get(i - 1);
    return (t.upos() == Upos.DET || t.upos() == Upos.ADP || t.upos() == Upos.ADP_DET)
        && !t.capitalised()
        && CLAUSE_END_TAGS.contains(prev.upos())
        && !(prev.isVerb() && prev.verbForm() == Token.VerbForm.FINITE);
  }

  /**
   * The second clause's finite verb after its subject phrase at {@code i}, agreeing with it, or -1.
   */
  private static int subjectFirstVerb(
      List<Token> tokens, int i, Token firstFinite, boolean clusterClosed) {
    int v = afterNounPhrase(tokens, i);
    boolean found =
        v > i
            && v < tokens.size()
            && isSecondFinite(tokens, v, firstFinite, clusterClosed)
            && agrees(nounPhraseNumbers(tokens, i, v), tokens.get(v));
    return found ? v : -1;
  }

  /**
   * The second clause's finite verb after its fronted phrase at {@code i}, followed by a word that
   * can open its subject, or -1: an object noun phrase (one attribute allowed) or a prepositional
   * phrase.
   */
  private static int frontedPhraseVerb(List<Token> tokens, int i) {
    int v;
    boolean nounPhrase = tokens.get(i).upos() == Upos.DET;
    if (nounPhrase) {
      v = afterNounPhrase(tokens, i);
      if (v > i) {
        v = Clauses.afterAttribute(tokens, v);
      }
    } else {
      v = Clauses.afterAttribute(tokens, i);
    }
    // After a prepositional phrase only a pronoun will do: a noun phrase there may be the subject
    // of the one clause, the phrase an attribute of the noun before it ("von Muscat nutzte diese").
    boolean found =
        v > i
            && v + 1 < tokens.size()
            && isSurelyFinite(tokens.get(v))
            && canOpenSubject(tokens.get(v + 1))
            && (nounPhrase || tokens.get(v + 1).upos() == Upos.PRON);
    return found ? v : -1;
  }

  private Finding runOn(List<Token> tokens, int i, int v, boolean subjectAfter) {
    return finding(
        tokens.get(i - 1).start(),
        tokens.get(subjectAfter ? v + 1 : v).end(),
        "a new clause starts at '"
            + tokens.get(i).text()
            + "' without punctuation: "
            + (subjectAfter ? "its subject follows its verb, " : "")
            + "'"
            + tokens.get(v).text()
            + "' is a second finite verb; a full stop or comma is missing",
        null);
  }

  /** The index after "determiner [adjectives] noun" starting at {@code i}, or {@code i}. */
  private static int afterNounPhrase(List<Token> tokens, int i) {
    int k = i;
    if (k < tokens.size() && tokens.get(k).upos() == Upos.DET) {
      k++;
    }
    while (k < tokens.size() && tokens.get(k).upos() == Upos.ADJ) {
      k++;
    }
    if (k < tokens.size()
        && (tokens.get(k).upos() == Upos.NOUN || tokens.get(k).upos() == Upos.PROPN)) {
      return k + 1;
    }
    return i;
  }

  /**
   * Whether a nominative phrase of {@code numbers} can be the subject of {@code verb}: by number,
   * or as the subject of "sein", which may agree with a plural predicate instead ("der Grund sind
   * Bauarbeiten").
   */
  private static boolean agrees(int numbers, Token verb) {
    return (numbers & verb.thirdPersonNumbers()) != 0
        || numbers != 0 && verb.verbLemma().equals("sein");
  }

  private static int nounPhraseNumbers(List<Token> tokens, int from, int to) {
    int numbers = Token.SINGULAR | Token.PLURAL;
    for (int k = from; k < to; k++) {
      numbers &= tokens.get(k).nominative();
    }
    return numbers;
  }

  /**
   * A surely finite verb; one that may be an infinitive only when words other than verbs or
   * conjunctions follow and the first clause's verb needs no infinitive (it is a full verb, or its
   * cluster has closed): "sehen können" and "wollte die Kinder sehen" are one clause.
   */
  private static boolean isSecondFinite(
      List<Token> tokens, int v, Token firstFinite, boolean clusterClosed) {
    Token t = tokens.get(v);
    if (!t.isVerb() || t.capitalised()) {
      return false;
    }
    if (t.verbForm() == Token.VerbForm.FINITE) {
      return true;
    }
    if (t.verbForm() != Token.VerbForm.EITHER || v + 1 >= tokens.size()) {
      return false;
    }
    Token next = tokens.get(v + 1);
    return next.isWord()
        && !next.isVerb()
        && !Clauses.startsClause(next)
        && (firstFinite.upos() != Upos.AUX || clusterClosed);
  }
}
