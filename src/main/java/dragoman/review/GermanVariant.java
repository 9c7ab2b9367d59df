package dragoman.review;

/**
 * The national standard a text is checked against; it picks LanguageTool's language and speller.
 */
public enum GermanVariant {
  DE_DE("de-DE"),
  DE_AT("de-AT"),
  DE_CH("de-CH");

  private final String code;

  GermanVariant(String code) {
    this.code = code;
  }

  /** BCP 47 code, e.g. "de-CH" (LanguageTool's short code for the language). */
  public String code() {
    return code;
  }

  /** Swiss standard German writes "ss" for "ß" (the speller dictionary differs). */
  public boolean swiss() {
    return this == DE_CH;
  }

  public static GermanVariant fromCode(String code) {
    for (GermanVariant v : values()) {
      if (v.code.equalsIgnoreCase(code) || v.name().equalsIgnoreCase(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown German variant '" + code + "' (use de-DE, de-AT or de-CH)");
  }
}
