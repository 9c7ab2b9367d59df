package dragoman.text;

/** The languages Dragoman segments; the code selects the SRX rules. */
public enum Language {
  GERMAN("de"),
  ENGLISH("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Language fromCode(String code) {
    for (Language l : values()) {
      if (l.code.equalsIgnoreCase(code)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unsupported language '" + code + "' (use de or en)");
  }
}
