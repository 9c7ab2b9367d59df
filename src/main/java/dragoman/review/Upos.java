package dragoman.review;

import java.util.HashMap;
import java.util.Map;

/**
 * Universal Dependencies part-of-speech tags as OpenNLP's German UD-GSD model writes them: the 17
 * UPOS tags and the three contractions the German GSD treebank tags as one token ("zum" {@code
 * ADP+DET}, "darauf" {@code ADP+PRON}, a name with a fused article {@code PROPN+DET}). A
 * contraction is its own tag: "zum" is neither {@link #ADP} nor {@link #DET}. {@link
 * GermanAnalyzer} converts the model's strings once; rules compare constants.
 */
public enum Upos {
  ADJ("ADJ"),
  ADP("ADP"),
  ADP_DET("ADP+DET"),
  ADP_PRON("ADP+PRON"),
  ADV("ADV"),
  AUX("AUX"),
  CCONJ("CCONJ"),
  DET("DET"),
  INTJ("INTJ"),
  NOUN("NOUN"),
  NUM("NUM"),
  PART("PART"),
  PRON("PRON"),
  PROPN("PROPN"),
  PROPN_DET("PROPN+DET"),
  PUNCT("PUNCT"),
  SCONJ("SCONJ"),
  SYM("SYM"),
  VERB("VERB"),
  X("X");

  private static final Map<String, Upos> BY_TAG = new HashMap<>();

  static {
    for (Upos u : values()) {
      BY_TAG.put(u.tag, u);
    }
  }

  private final String tag;

  Upos(String tag) {
    this.tag = tag;
  }

  /** The tag as the model writes it ({@code ADP+DET}). */
  public String tag() {
    return tag;
  }

  /**
   * The constant for a tag the model wrote.
   *
   * @throws IllegalArgumentException for a tag outside the UD-GSD set (another model)
   */
  public static Upos of(String tag) {
    Upos u = BY_TAG.get(tag);
    if (u == null) {
      throw new IllegalArgumentException(
          "part-of-speech tag '" + tag + "' is not one of the UD-GSD tags " + BY_TAG.keySet());
    }
    return u;
  }
}
