package dragoman.review;

import dragoman.text.WordList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where German clauses and sentences start and end, read from tokens: what the structure rules
 * share.
 */
final class Clauses {
  private Clauses() {}

  /** After these a capital letter is expected: sentence or quotation starts, brackets, dashes. */
  private static final Set<String> OPENERS =
      Set.of(
          ".", "!", "?", ":", "„", "“", "\"", "«", "»", "‹", "›", "(", "[", "–", "—", "-", "‚", "'",
          "…", "/", "*", "•");

  /** "als" and "wie" compare; they neither end a clause as conjunctions nor start one after it. */
  static final Set<String> COMPARATIVES = WordList.load("comparatives-de.txt");

  /**
   * Whether token {@code i} is a capitalised word (not all capitals) where no sentence, quotation
   * or bracket starts.
   */
  static boolean capitalisedMidSentence(List<Token> tokens, int i) {
    if (i < 1) {
      return false;
    }
    Token t = tokens.get(i);
    Token prev = tokens.get(i - 1);
    if (!t.isWord() || !t.capitalised() || allCaps(t.text()) || OPENERS.contains(prev.text())) {
      return false;
    }
    return !(i == 1 && !prev.isWord());
  }

  /** Like {@link #isBoundary(Token)}, but a hyphen inside a word ("UN-Rat") joins, not splits. */
  static boolean isBoundary(List<Token> tokens, int i) {
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

  /** Punctuation, a coordinating conjunction or any other non-word except a number. */
  static boolean isBoundary(Token t) {
    boolean conjunction =
        t.upos() == Upos.CCONJ && !COMPARATIVES.contains(t.text().toLowerCase(Locale.GERMAN));
    return t.upos() == Upos.PUNCT || conjunction || !t.isWord() && !isNumber(t);
  }

  /** Words that open a clause of their own or compare: a finite verb may follow them. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of("als", "wie", "ob", "sondern", "denn", "doch", "aber", "jedoch", "sowie", "dass");

  /**
   * Whether a new stretch of one clause starts after {@code t}: punctuation, a conjunction, a
   * clause word or a non-word. Rules that count the finite verbs of a clause read stretches.
   */
  static boolean startsClause(Token t) {
    String lower = t.text().toLowerCase(Locale.ROOT);
    return t.upos() == Upos.PUNCT
        || t.upos() == Upos.CCONJ
        || t.upos() == Upos.SCONJ
        || !t.isWord()
        || CLAUSE_WORDS.contains(lower)
        || COMPARATIVES.contains(lower);
  }

  /**
   * A verb with "zu" after its prefix ("anzulocken", "zusammenzudrücken"); the lexicon reads some
   * of these as plain infinitives, and a verb that merely starts with "zu" ("zugeben") is one.
   */
  static boolean isZuInfinitive(Token w) {
    return w.text().toLowerCase(Locale.ROOT).indexOf("zu", 1) > 0;
  }

  /**
   * Whether the determiner at {@code k} opens no noun phrase before {@code to}: no adjective, noun,
   * name or number follows it, so it is a relative pronoun (", um die sich ...", ", die
   * aufeinanderprallen"). The tagger calls some verbs after a relative pronoun adjectives, so an
   * adjective counts only when the lexicon has no verb reading for it.
   */
  static boolean isRelativeDeterminer(List<Token> tokens, int k, int to) {
    if (tokens.get(k).upos() != Upos.DET) {
      return false;
    }
    if (k + 1 >= to) {
      return true;
    }
    Token next = tokens.get(k + 1);
    boolean adjective = next.upos() == Upos.ADJ && next.verbForm() == Token.VerbForm.NONE;
    return !adjective
        && next.upos() != Upos.NOUN
        && next.upos() != Upos.PROPN
        && next.upos() != Upos.NUM;
  }

  private static final Set<String> GENITIVE_ARTICLES = Set.of("der", "des", "eines", "einer");

  /**
   * The index after the attribute starting at {@code i}, or {@code i} if none starts there: a
   * genitive ("der/des/eines/einer [adjectives] noun") or a prepositional phrase ("für [article]
   * [adjectives] noun", "im [adjectives] noun"). A name may take several tokens ("der Vereinigten
   * Staaten"); a coordination inside is not taken ("von Anna und Peter" may be two subjects).
   */
  static int afterAttribute(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return i;
    }
    Token first = tokens.get(i);
    int k;
    if (first.upos() == Upos.DET && GENITIVE_ARTICLES.contains(first.text())) {
      k = i + 1;
    } else if (first.upos() == Upos.ADP_DET) {
      k = i + 1;
    } else if (first.upos() == Upos.ADP) {
      k = i + 1;
      // an article may be followed by a determiner of quantity ("zwischen den beiden Parteien")
      while (k < tokens.size() && tokens.get(k).upos() == Upos.DET) {
        k++;
      }
    } else {
      return i;
    }
    while (k < tokens.size()
        && (tokens.get(k).upos() == Upos.ADJ || tokens.get(k).upos() == Upos.NUM)) {
      k++;
    }
    int head = k;
    while (k < tokens.size()
        && (tokens.get(k).upos() == Upos.NOUN || tokens.get(k).upos() == Upos.PROPN)) {
      k++;
    }
    return k == head ? i : k;
  }

  static boolean endsSentence(Token t) {
    return t.text().equals(".") || t.text().equals("!") || t.text().equals("?");
  }

  static boolean isNumber(Token t) {
    return !t.text().isEmpty() && Character.isDigit(t.text().charAt(0));
  }

  private static boolean allCaps(String w) {
    return w.length() > 1 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }
}
