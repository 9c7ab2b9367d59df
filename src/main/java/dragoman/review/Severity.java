package dragoman.review;

/** How much a finding matters to a reviewer. */
public enum Severity {
  /** Worth knowing; no change needed (e.g. a boilerplate line). */
  INFO,
  /** Probably needs a look (style, a likely calque). */
  MINOR,
  /** A reviewer must fix it (broken clause, glued words, agreement). */
  MAJOR
}
