package dragoman.review;

import dragoman.text.Segment;
import java.util.List;

/**
 * One family of checks on German segments (an id and one method from segment to findings, like
 * LanguageTool's {@code Rule}). Findings carry document offsets.
 */
public interface Detector {
  /** Short id, used as {@link Finding#detector()}: "structure", "surface", ... */
  String id();

  /** What this detector finds in {@code segment}, in any order. */
  List<Finding> detect(Segment segment, DocumentContext context);
}
