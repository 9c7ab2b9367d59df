package dragoman.review;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found in a German segment, the way a spell checker reports it.
 *
 * @param detector id of the detector that found it, e.g. "structure"
 * @param rule id of the rule within the detector, e.g. "capitalised-function-word"
 * @param start UTF-16 offset into the document text, inclusive
 * @param end UTF-16 offset into the document text, exclusive
 * @param message what is wrong, in English, for the reviewer
 * @param suggestion a replacement for {@code [start, end)}, or null
 * @param severity how much it matters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String detector,
    String rule,
    int start,
    int end,
    String message,
    String suggestion,
    Severity severity) {
  public Finding {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad finding span [" + start + ", " + end + ")");
    }
  }
}
