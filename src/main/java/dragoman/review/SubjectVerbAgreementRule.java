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
 * noun subjects in the commonest place. Genitive and prepositional attributes may stand between the
 * head noun and the verb ("Die Preise für Strom steigt"): a German main clause has one constituent
 * before its finite verb, so they belong to the head, and the head alone decides the number.
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
                "Die Kinder spielen jeden Nachmittag im Garten."),
            new ExamplePair(
                "Die Behörden des Landes prüft den Antrag seit Wochen.",
                "Die Behörden des Landes prüfen den Antrag seit Wochen."),
            new ExamplePair(
                "Die Kosten für den Umbau steigt seit Monaten.",
                "Die Kosten für den Umbau steigen seit Monaten.")));
  }

  /** Attributes skipped between the head noun and the verb: more is rarely one constituent. */
  private static final int MAX_ATTRIBUTES = 2;

  /**
   * Quantity nouns whose singular takes a plural verb by sense ("Eine Reihe von Experten warnen"),
   * which Duden accepts beside the singular.
   */
  private static final Set<String> QUANTITY_NOUNS =
      Set.of(
          "Reihe",
          "Mehrheit",
          "Hälfte",
          "Vielzahl",
          "Menge",
          "Gruppe",
          "Anzahl",
          "Teil",
          "Großteil",
          "Dutzend",
          "Handvoll",
          "Minderheit",
          "Drittel",
          "Viertel",
          "Paar");

  /** Words after an object pronoun among which a subject may still come. */
  private static final int SUBJECT_LOOKAHEAD = 3;

  /** Pronouns with no nominative reading: after the verb they cannot be its subject. */
  private static final Set<String> OBJECT_PRONOUNS =
      Set.of("sich", "mich", "mir", "dich", "dir", "ihn", "ihm", "uns", "euch", "ihnen");

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
    // A nominalised adjective declines like one: after a plural quantifier "Reisende" is the
    // strong plural ("viele Reisende"), which the lexicon may not list.
    boolean strongPlural =
        j > start
            && PLURAL_QUANTIFIERS.contains(tokens.get(start).text().toLowerCase(Locale.ROOT))
            && noun.text().endsWith("e");
    numbers &= strongPlural ? Token.PLURAL : noun.nominative();
    int v = j + 1;
    for (int a = 0; a < MAX_ATTRIBUTES; a++) {
      int next = Clauses.afterAttribute(tokens, v);
      if (next == v) {
        break;
      }
      v = next;
    }
    if (v >= tokens.size()) {
      return;
    }
    Token verb = tokens.get(v);
    int verbNumbers = verb.thirdPersonNumbers();
    if (numbers == 0
        || !verb.isVerb()
        || !verb.canBeFinite()
        || verbNumbers == 0
        || (numbers & verbNumbers) != 0) {
      return;
    }
    if (v > j + 1 && QUANTITY_NOUNS.contains(noun.text()) && (verbNumbers & Token.PLURAL) != 0) {
      return;
    }
    // A word after the verb that can be a nominative may be the subject, and the opening phrase
    // an object ("Die Kinder sieht er jeden Tag"); a finite verb after a form that can be an
    // infinitive makes the two words a clause of their own ("Das Auto waschen ist teuer").
    // An object pronoun cannot be that subject, but one may come after it and an adverb ("Die
    // Bücher hat mir gestern mein Vater geschenkt"), so the guard looks a few words past it, up to
    // a preposition or punctuation (the tagger may call such an adverb anything).
    int after = v + 1;
    while (after < tokens.size() && isObjectPronoun(tokens.get(after))) {
      after++;
    }
    int lookahead = after > v + 1 ? SUBJECT_LOOKAHEAD : 1;
    for (int k = after; k < Math.min(tokens.size(), after + lookahead); k++) {
      Token t = tokens.get(k);
      if (canBeSubject(t)) {
        return;
      }
      if (t.upos() == Upos.ADP || t.upos() == Upos.ADP_DET || t.upos() == Upos.PUNCT) {
        break;
      }
    }
    if (v + 1 < tokens.size()
        && verb.verbForm() == Token.VerbForm.EITHER
        && tokens.get(v + 1).canBeFinite()) {
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

  private static boolean isObjectPronoun(Token t) {
    return t.upos() == Upos.PRON && OBJECT_PRONOUNS.contains(t.text().toLowerCase(Locale.ROOT));
  }

  private static boolean canBeSubject(Token t) {
    return t.nominative() != 0 || t.upos() == Upos.PRON || t.upos() == Upos.PROPN;
  }
}
