package dragoman.review;

/**
 * A word or punctuation mark of a segment with its UD part of speech and what the German lexicon
 * says about it as a verb.
 *
 * @param text the token as written
 * @param start UTF-16 offset into the document text, inclusive
 * @param end exclusive
 * @param upos Universal Dependencies tag from OpenNLP's German model (NOUN, VERB, AUX, DET, ...),
 *     converted from the model's string once, by {@link GermanAnalyzer}
 * @param verbForm how the lexicon can read it as a verb
 */
public record Token(String text, int start, int end, Upos upos, VerbForm verbForm) {
  /** What a word can be as a verb, from LanguageTool's German morphology. */
  public enum VerbForm {
    /** Not a verb form in the lexicon. */
    NONE,
    /** Only finite readings (e.g. "ist", "gehst"). */
    FINITE,
    /** Only non-finite readings: infinitive, zu-infinitive or participle. */
    NON_FINITE,
    /** Both (e.g. "gehen": infinitive or 1st/3rd person plural). */
    EITHER
  }

  public boolean isVerb() {
    return upos == Upos.VERB || upos == Upos.AUX;
  }

  public boolean canBeFinite() {
    return verbForm == VerbForm.FINITE || verbForm == VerbForm.EITHER;
  }

  public boolean isWord() {
    return !text.isEmpty() && Character.isLetter(text.codePointAt(0));
  }

  public boolean capitalised() {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }
}
