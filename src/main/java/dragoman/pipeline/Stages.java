package dragoman.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages a run has, and one line for each that it lacks (shown on stderr and in the viewer). A
 * missing stage is left out: no placeholder results are made up for it.
 *
 * <p>This is where the real implementations are plugged in: {@link #review}, {@link #translation}
 * and {@link #alignment} each return the stage, or empty with the reason.
 */
public record Stages(
    Optional<ReviewStage> review,
    Optional<TranslationStage> translation,
    Optional<AlignmentStage> alignment,
    List<String> notices,
    String alignmentNotice)
    implements AutoCloseable {
  public Stages {
    notices = List.copyOf(notices);
  }

  /** Stages as given, e.g. in tests; no notices. */
  public static Stages of(
      Optional<ReviewStage> review,
      Optional<TranslationStage> translation,
      Optional<AlignmentStage> alignment) {
    return new Stages(review, translation, alignment, List.of(), null);
  }

  /**
   * The stage, or empty and the line that says why it is missing. A missing aligner's line is shown
   * only when some document has an English counterpart.
   */
  public record Choice<T>(Optional<T> stage, String notice) {
    static <T> Choice<T> of(T stage) {
      return new Choice<>(Optional.of(stage), null);
    }

    static <T> Choice<T> missing(String notice) {
      return new Choice<>(Optional.empty(), notice);
    }
  }

  /** Opens the stages {@code dragoman run} uses with these options. */
  public static Stages open(RunOptions options, ModelLocator models) {
    List<String> notices = new ArrayList<>();
    Choice<ReviewStage> r = review(options);
    Choice<TranslationStage> t = translation(options, models);
    Choice<AlignmentStage> a = alignment(options);
    for (Choice<?> c : List.of(r, t)) {
      if (c.notice() != null) {
        notices.add(c.notice());
      }
    }
    return new Stages(r.stage(), t.stage(), a.stage(), notices, a.notice());
  }

  /** Review (issue 7): adapt the review package's reviewer to {@link ReviewStage} here. */
  static Choice<ReviewStage> review(RunOptions options) {
    return Choice.missing(
        "review skipped: the reviewer is not in this build yet, so nothing is flagged");
  }

  /**
   * Translation (issue 4): the model is found as DESIGN.md says; open the mt package's translator
   * on it here and wrap it with {@link TranslationStage#of}.
   */
  static Choice<TranslationStage> translation(RunOptions options, ModelLocator models) {
    Optional<Path> dir = models.locate(options.model());
    if (dir.isEmpty()) {
      String where =
          options.model() != null
              ? options.model() + " has no config.json"
              : "no " + ModelLocator.DEFAULT_MODEL + " model found";
      return Choice.missing(
          "translation skipped: "
              + where
              + "; get it with `dragoman model pull "
              + ModelLocator.DEFAULT_MODEL
              + "` or pass --model DIR");
    }
    return Choice.missing(
        "translation skipped: model found at "
            + dir.get()
            + " but the translation engine is not in this build yet");
  }

  /** Alignment (issue 6): adapt the align package's bead search to {@link AlignmentStage} here. */
  static Choice<AlignmentStage> alignment(RunOptions options) {
    return Choice.missing(
        "alignment skipped: the aligner is not in this build yet, so English counterparts"
            + " (NAME.en.txt) are not linked");
  }

  /** What the stages are, for the resume manifest: a change means documents are redone. */
  public String fingerprint() {
    return "review="
        + review.map(ReviewStage::name).orElse("none")
        + "; translation="
        + translation.map(TranslationStage::modelName).orElse("none")
        + "; alignment="
        + alignment.map(AlignmentStage::name).orElse("none");
  }

  @Override
  public void close() {
    translation.ifPresent(TranslationStage::close);
  }
}
