package dragoman.review;

/**
 * A word or punctuation mark of a segment with its UD part of speech and what the German lexicon
 * says about it as a verb.
 *
 * @param text the token as written
 * @param start UTF-16 offset into the document text, inclusive
 * @param end exclusive
 * @param upos Universal Dependencies tag (NOUN, VERB, AUX, DET, ...): OpenNLP's German model's,
 *     unless the lexicon contradicts it ({@link GermanAnalyzer#corrected}); what the rules read
 * @param verbForm how the lexicon can read it as a verb
 * @param persons the person and number of its finite readings in the lexicon, as bits {@code 1 <<
 *     (3 * plural + person - 1)} (1st singular = 1, 3rd plural = 32); 0 when it has none
 * @param nominative the numbers its nominative readings in the lexicon have (noun, article,
 *     pronoun, adjective): {@link #SINGULAR}, {@link #PLURAL}, both or 0 when it cannot be
 *     nominative
 * @param onlyVerbReadings whether the lexicon knows it and every reading is a verb
 * @param infinitive whether one of its verb readings is a bare infinitive ("treffen")
 * @param verbLemma the lemma of its first verb reading ("reiste": "reisen"); empty when it has none
 * @param taggerUpos OpenNLP's tag before the lexicon's correction: the span detector's input, which
 *     it was trained on ({@link PartOfSpeechClasses})
 * @param inflectedAdjective whether the lexicon knows it as an inflected adjective or participle
 *     and never as an uninflected (predicative) one, an adverb or a noun ("moderne", not "gerade"):
 *     it must stand before a noun or after an article
 */
public record Token(
    String text,
    int start,
    int end,
    Upos upos,
    VerbForm verbForm,
    int persons,
    int nominative,
    boolean onlyVerbReadings,
    boolean infinitive,
    String verbLemma,
    Upos taggerUpos,
    boolean inflectedAdjective) {
  /** Bit of {@link #nominative()}: a nominative singular reading. */
  public static final int SINGULAR = 1;

  /** Bit of {@link #nominative()}: a nominative plural reading. */
  public static final int PLURAL = 2;

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

  /**
   * Whether this finite verb and {@code other} can share a subject: some reading of each has the
   * same person and number. True when either has no person-number reading.
   */
  public boolean canAgreeWith(Token other) {
    return persons == 0 || other.persons == 0 || (persons & other.persons) != 0;
  }

  /** The numbers of this finite verb's 3rd-person readings ({@link #SINGULAR}, {@link #PLURAL}). */
  public int thirdPersonNumbers() {
    return ((persons >> 2) & 1) * SINGULAR | ((persons >> 5) & 1) * PLURAL;
  }

  public boolean isWord() {
    return !text.isEmpty() && Character.isLetter(text.codePointAt(0));
  }

  public boolean capitalised() {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }
}
