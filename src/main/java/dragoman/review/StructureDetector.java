package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Broken German sentence structure, read from UD part-of-speech tags and verb morphology: text
 * spliced into a clause (a capitalised article mid-sentence, a verb running into a capitalised
 * word), English verb order (an object after the infinitive of a verb cluster), and a finite verb
 * that is not last in a subordinate clause (German verb-final order; Duden Grammatik §1340 ff.).
 */
public final class StructureDetector implements Detector {
  public static final String ID = "structure";

  /** After these a capital letter is expected: sentence or quotation starts, brackets, dashes. */
  private static final Set<String> OPENERS =
      Set.of(
          ".", "!", "?", ":", "„", "“", "\"", "«", "»", "‹", "›", "(", "[", "–", "—", "-", "‚", "'",
          "…", "/", "*", "•");

  /** Subordinating conjunctions that put the finite verb last. */
  private static final Set<String> SUBORDINATORS =
      Set.of(
          "dass",
          "weil",
          "obwohl",
          "wenn",
          "ob",
          "als",
          "nachdem",
          "bevor",
          "da",
          "damit",
          "sodass",
          "während",
          "falls",
          "sobald",
          "indem",
          "seit",
          "seitdem",
          "bis",
          "ehe",
          "obgleich",
          "wobei",
          "solange",
          "sofern");

  /** Relative pronouns that open a clause embedded in the one around it. */
  private static final Set<String> RELATIVES =
      Set.of(
          "der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welche", "welcher",
          "welches", "welchem", "welchen", "wo", "was", "wie");

  private static final Set<String> COMPARATIVES = Set.of("als", "wie");

  /** Polite "Sie" and its forms are capitalised everywhere. */
  private static final Set<String> FORMAL_PRONOUNS =
      Set.of("Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres");

  private static boolean isNounToken(Token t) {
    return t.upos().equals("NOUN") || t.upos().equals("PROPN");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    List<Token> tokens = context.tokens(segment);
    List<Finding> out = new ArrayList<>();
    capitalisation(tokens, out);
    englishVerbOrder(tokens, out);
    verbFinalClauses(tokens, out);
    participleInNounPhrase(tokens, out);
    zuInfinitiveNotFinal(tokens, out);
    countryWithoutArticle(tokens, out);
    adjacentFiniteVerbs(tokens, out);
    verbSecond(tokens, out);
    return out;
  }

  /** Capitalised function words, and capitalised non-nouns right after a verb, mid-sentence. */
  private static void capitalisation(List<Token> tokens, List<Finding> out) {
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token prev = tokens.get(i - 1);
      if (!t.isWord() || !t.capitalised() || allCaps(t.text()) || OPENERS.contains(prev.text())) {
        continue;
      }
      if (i == 1 && !prev.isWord()) {
        continue;
      }
      String lower = t.text().toLowerCase(Locale.GERMAN);
      if (FunctionWords.GERMAN_LOWERCASE_ONLY.contains(lower)) {
        out.add(
            new Finding(
                ID,
                "capitalised-function-word",
                t.start(),
                t.end(),
                "'"
                    + t.text()
                    + "' capitalised mid-sentence: a sentence boundary was lost or text was"
                    + " spliced in",
                null,
                Severity.MAJOR));
      } else if (prev.isVerb()
          && prev.isWord()
          && !FORMAL_PRONOUNS.contains(t.text())
          && (Set.of("DET", "ADP", "ADV", "VERB", "AUX").contains(t.upos())
              || t.upos().equals("ADJ")
                  && i + 1 < tokens.size()
                  && isNounToken(tokens.get(i + 1)))) {
        out.add(
            new Finding(
                ID,
                "clause-break",
                prev.start(),
                t.end(),
                "a verb runs into capitalised '"
                    + t.text()
                    + "': two clauses run together without punctuation",
                null,
                Severity.MAJOR));
      }
    }
  }

  /**
   * In a clause with a finite auxiliary or modal, the infinitive closes the clause ("muss die
   * Zahlen prüfen"); an object after it ("muss prüfen die Zahlen") is English order.
   */
  private static void englishVerbOrder(List<Token> tokens, List<Finding> out) {
    boolean auxiliary = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() && !isNumber(t)) {
        auxiliary = false;
        continue;
      }
      if (t.upos().equals("AUX") && t.canBeFinite()) {
        auxiliary = true;
        continue;
      }
      if (!auxiliary || !isBareInfinitive(t) || (i > 0 && tokens.get(i - 1).text().equals("zu"))) {
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()
          && (tokens.get(j).upos().equals("ADV") || isBareInfinitive(tokens.get(j)))) {
        j++;
      }
      if (j < tokens.size() && j > i && isObjectStart(tokens.get(j))) {
        out.add(
            new Finding(
                ID,
                "verb-cluster-order",
                t.start(),
                tokens.get(j).end(),
                "English word order: an infinitive before its object; German puts it last in the"
                    + " clause",
                null,
                Severity.MAJOR));
        auxiliary = false;
        i = j;
      }
    }
  }

  /**
   * A clause opened by a subordinating conjunction or a relative pronoun puts its finite verb last
   * ("dass er das Buch kauft", "das er gekauft hat"); a noun phrase or another verb after the verb
   * cluster ("dass er kauft das Buch", "das er gekauft hat Neubewertung") is English order or a
   * splice. Clauses are the stretches between punctuation and coordinating conjunctions.
   */
  private static void verbFinalClauses(List<Token> tokens, List<Finding> out) {
    boolean pending = false;
    int i = 0;
    while (i < tokens.size()) {
      if (isBoundary(tokens, i)) {
        i++;
        continue;
      }
      int from = i;
      while (i < tokens.size() && !isBoundary(tokens, i)) {
        i++;
      }
      int to = i;
      boolean afterComma = from > 0 && tokens.get(from - 1).text().equals(",");
      Token first = tokens.get(from);
      String lower = first.text().toLowerCase(Locale.GERMAN);
      int k = first.upos().equals("ADP") && from + 1 < to ? from + 1 : from;
      boolean relative =
          afterComma
              && tokens.get(k).upos().equals("PRON")
              && RELATIVES.contains(tokens.get(k).text().toLowerCase(Locale.GERMAN));
      Token second = from + 1 < to ? tokens.get(from + 1) : first;
      // "als würden wir ..." (as if) puts the verb first; "Als Folge ..." is a preposition.
      boolean asIf = lower.equals("als") && (second.isVerb() || second.upos().equals("NOUN"));
      // After a comma, "als" (possibly after an adverb: "gerade als") opens a temporal clause;
      // the tagger often reads it as a preposition.
      int c = first.upos().equals("ADV") && from + 1 < to ? from + 1 : from;
      boolean temporalAls =
          afterComma
              && tokens.get(c).text().equalsIgnoreCase("als")
              && c + 1 < to
              && !tokens.get(c + 1).isVerb()
              && !tokens.get(c + 1).upos().equals("NOUN");
      boolean subordinate =
          (first.upos().equals("SCONJ") && SUBORDINATORS.contains(lower) && !asIf) || temporalAls;
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
        if (j == end + 1 && COMPARATIVES.contains(n.text().toLowerCase(Locale.GERMAN))) {
          break;
        }
        if (n.isWord()) {
          words++;
          last = j;
          nominal |= Set.of("NOUN", "PROPN", "DET").contains(n.upos());
          verb |= n.isVerb();
        }
      }
      if (words >= 2 && (nominal || verb)) {
        out.add(
            new Finding(
                ID,
                "finite-verb-position",
                tokens.get(v).start(),
                tokens.get(last).end(),
                "'"
                    + tokens.get(end).text()
                    + "' should end its "
                    + (relative ? "relative" : "subordinate")
                    + " clause: words follow it (English order, or text spliced in)",
                null,
                Severity.MAJOR));
      }
    }
  }

  /**
   * An uninflected participle between an article and its noun ("eine erstellt neue Regel"): German
   * inflects every attributive adjective, so this is a verb left in English position.
   */
  private static void participleInNounPhrase(List<Token> tokens, List<Finding> out) {
    for (int i = 1; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token det = tokens.get(i - 1);
      Token next = tokens.get(i + 1);
      if (det.upos().equals("DET")
          && !det.text().equalsIgnoreCase("dies")
          && (t.upos().equals("ADJ") || t.upos().equals("VERB"))
          && (t.verbForm() == Token.VerbForm.NON_FINITE || t.verbForm() == Token.VerbForm.EITHER)
          && !t.capitalised()
          && !INFLECTED.matcher(t.text()).find()
          && (next.upos().equals("ADJ") || next.upos().equals("NOUN"))) {
        out.add(
            new Finding(
                ID,
                "participle-in-noun-phrase",
                t.start(),
                t.end(),
                "uninflected verb form '" + t.text() + "' inside a noun phrase",
                null,
                Severity.MAJOR));
      }
    }
  }

  private static final java.util.regex.Pattern INFLECTED =
      java.util.regex.Pattern.compile("(e|en|er|es|em)$");

  /**
   * A zu-infinitive closes its clause ("um den Druck zu erhöhen."); a noun phrase straight after
   * it, with no comma, means a clause was cut off or text spliced in.
   */
  private static void zuInfinitiveNotFinal(List<Token> tokens, List<Finding> out) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean zu =
          t.upos().equals("VERB")
              && (t.text().contains("zu") && t.verbForm() == Token.VerbForm.NON_FINITE
                  || i > 0
                      && tokens.get(i - 1).text().equals("zu")
                      && tokens.get(i - 1).upos().equals("PART"));
      if (!zu) {
        continue;
      }
      Token next = tokens.get(i + 1);
      if (Set.of("ADJ", "NOUN", "PROPN", "DET").contains(next.upos()) && next.isWord()) {
        out.add(
            new Finding(
                ID,
                "zu-infinitive-not-final",
                t.start(),
                next.end(),
                "the zu-infinitive '"
                    + t.text()
                    + "' should end its clause: a comma or words are missing",
                null,
                Severity.MAJOR));
      }
    }
  }

  /**
   * Country names that take the article in German ("in die Schweiz", "aus der Türkei", "in den
   * USA"; Duden, "Ländernamen"); after a preposition without it they read as calqued English.
   */
  static final Set<String> COUNTRIES_WITH_ARTICLE =
      Set.of(
          "Ukraine",
          "Schweiz",
          "Türkei",
          "Slowakei",
          "Mongolei",
          "Tschechei",
          "Krim",
          "USA",
          "Niederlande",
          "Niederlanden",
          "Philippinen",
          "Malediven",
          "Seychellen",
          "Bahamas",
          "Elfenbeinküste",
          "Arktis",
          "Antarktis",
          "Karibik",
          "Sahara",
          "Lombardei",
          "Normandie",
          "Bretagne",
          "Provence",
          "Toskana");

  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of("nach", "in", "aus", "von", "mit", "für", "gegen", "über", "durch", "bei", "zu");

  private static void countryWithoutArticle(List<Token> tokens, List<Finding> out) {
    for (int i = 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token prev = tokens.get(i - 1);
      boolean compound = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("-");
      if (COUNTRIES_WITH_ARTICLE.contains(t.text())
          && !compound
          && PLACE_PREPOSITIONS.contains(prev.text().toLowerCase(Locale.GERMAN))) {
        out.add(
            new Finding(
                ID,
                "country-without-article",
                prev.start(),
                t.end(),
                "'"
                    + t.text()
                    + "' takes the article in German (e.g. 'in die/der "
                    + t.text()
                    + "')",
                null,
                Severity.MAJOR));
      }
    }
  }

  /**
   * Two verbs that can only be finite side by side ("es war kletterte"): one clause cannot hold
   * both, so a boundary or a word is missing.
   */
  private static void adjacentFiniteVerbs(List<Token> tokens, List<Finding> out) {
    for (int i = 1; i < tokens.size(); i++) {
      Token a = tokens.get(i - 1);
      Token b = tokens.get(i);
      // The tagger often reads the second verb as a predicative adjective ("war kletterte"), so
      // morphology decides for it.
      if (a.isVerb()
          && (b.isVerb() || b.upos().equals("ADJ"))
          && a.verbForm() == Token.VerbForm.FINITE
          && b.verbForm() == Token.VerbForm.FINITE
          && !b.capitalised()) {
        out.add(
            new Finding(
                ID,
                "two-finite-verbs",
                a.start(),
                b.end(),
                "two finite verbs side by side: a clause boundary or a word is missing",
                null,
                Severity.MAJOR));
      }
    }
  }

  /** Focus particles may open a sentence together with the noun phrase they modify. */
  private static final Set<String> FOCUS_PARTICLES =
      Set.of(
          "auch",
          "nur",
          "sogar",
          "selbst",
          "gerade",
          "besonders",
          "erst",
          "noch",
          "schon",
          "genau",
          "allein",
          "ausgerechnet",
          "bereits",
          "vor",
          "zumindest",
          "wenigstens",
          "eben",
          "ebenso",
          "insbesondere",
          "vor allem",
          "ja",
          "nein",
          "nicht",
          "fast",
          "etwa",
          "rund",
          "ungefähr",
          "knapp",
          "mindestens",
          "höchstens",
          "also",
          "hier",
          "da",
          "dort",
          "so",
          "wie");

  /**
   * A German main clause has its finite verb second: after an opening adverb comes the verb ("Dann
   * kam der Regen"), not the subject ("Dann der Regen kam"), which is English order.
   */
  private static void verbSecond(List<Token> tokens, List<Finding> out) {
    if (tokens.size() < 4) {
      return;
    }
    Token first = tokens.get(0);
    Token second = tokens.get(1);
    if (!first.upos().equals("ADV")
        || !first.capitalised()
        || FOCUS_PARTICLES.contains(first.text().toLowerCase(Locale.GERMAN))
        || !Set.of("DET", "PRON", "PROPN").contains(second.upos())) {
      return;
    }
    // The clause must have a verb later (a verbless fragment such as a heading is not a clause).
    int verb = -1;
    for (int j = 2; j < tokens.size() && !isBoundary(tokens.get(j)); j++) {
      if (tokens.get(j).isVerb() && tokens.get(j).canBeFinite()) {
        verb = j;
        break;
      }
    }
    if (verb > 2) {
      out.add(
          new Finding(
              ID,
              "verb-second",
              first.start(),
              tokens.get(verb).end(),
              "after '"
                  + first.text()
                  + "' the finite verb comes next in German ('"
                  + first.text()
                  + " "
                  + tokens.get(verb).text()
                  + " ...'): English word order",
              null,
              Severity.MAJOR));
    }
  }

  private static boolean hasVerbForm(List<Token> tokens, int from, int to) {
    for (int j = from; j < to; j++) {
      if (tokens.get(j).verbForm() != Token.VerbForm.NONE && !tokens.get(j).upos().equals("DET")) {
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

  /** Like {@link #isBoundary(Token)}, but a hyphen inside a word ("UN-Rat") joins, not splits. */
  private static boolean isBoundary(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.text().equals("-")
        && i > 0
        && i + 1 < tokens.size()
        && tokens.get(i - 1).end() == t.start()
        && tokens.get(i + 1).start() == t.end()) {
      return false;
    }
    return isBoundary(t);
  }

  private static boolean isBoundary(Token t) {
    boolean conjunction =
        t.upos().equals("CCONJ") && !COMPARATIVES.contains(t.text().toLowerCase(Locale.GERMAN));
    return t.upos().equals("PUNCT") || conjunction || !t.isWord() && !isNumber(t);
  }

  private static boolean isNumber(Token t) {
    return !t.text().isEmpty() && Character.isDigit(t.text().charAt(0));
  }

  private static boolean isBareInfinitive(Token t) {
    return t.upos().equals("VERB")
        && t.verbForm() != Token.VerbForm.FINITE
        && t.verbForm() != Token.VerbForm.NONE
        && t.text().endsWith("n")
        && !t.text().contains("zu");
  }

  private static boolean isObjectStart(Token t) {
    return Set.of("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM").contains(t.upos());
  }

  private static boolean allCaps(String w) {
    return w.length() > 1 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }
}
