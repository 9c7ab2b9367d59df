package dragoman.pipeline;

import dragoman.align.Bead;
import java.util.List;

/**
 * The alignment step of {@code dragoman run}: links the German sentences of a document to the
 * sentences of its English counterpart ({@code NAME.en.txt}). Thread-safe. The align package's bead
 * search is adapted to this in {@link Stages#alignment}.
 */
public interface AlignmentStage {
  /** A name for reports and the resume manifest. */
  String name();

  /**
   * @param source the German sentences
   * @param target the English sentences of the counterpart
   * @param sourceTranslation our English for each German sentence (same size as {@code source}), or
   *     null when no translation was made; aligners that compare translations use it
   * @return beads over sentence indices, in order, covering every sentence of both sides
   */
  List<Bead> align(List<String> source, List<String> target, List<String> sourceTranslation);
}
