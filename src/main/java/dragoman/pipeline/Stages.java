package dragoman.pipeline;

import dragoman.align.AlignOptions;
import dragoman.align.Bead;
import dragoman.align.SentenceAligner;
import dragoman.mt.ModelException;
import dragoman.mt.ModelFiles;
import dragoman.mt.ModelResolver;
import dragoman.mt.marian.MarianTranslator;
import dragoman.review.ReviewModel;
import dragoman.review.ReviewResources;
import dragoman.review.Reviewer;
import dragoman.review.SegmentReview;
import dragoman.text.Document;
import java.io.IOException;
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
  public static Stages open(RunOptions options, ModelResolver models) {
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

  /**
   * Review. One reviewer for all jobs, with up to two workers (each holds its own LanguageTool and
   * OpenNLP state, about 100 MB): the documents' segments share them, which costs less memory than
   * a reviewer per job, and review is a small part of a run's time next to translation.
   */
  static Choice<ReviewStage> review(RunOptions options) {
    Reviewer reviewer =
        new Reviewer(options.review(), ReviewModel.load(), List.of(), Math.min(2, options.jobs()));
    String name =
        "review threshold "
            + options.review().threshold()
            + " variant "
            + options.review().variant()
            + (options.review().grammar() ? "" : " no-grammar")
            + " resources "
            + ReviewResources.digest();
    return Choice.of(
        new ReviewStage() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public List<SegmentReview> review(Document document) {
            return reviewer.review(document);
          }
        });
  }

  /**
   * Translation: the model is resolved as {@link dragoman.mt.ModelResolver} orders it (pulled on
   * first use unless offline); when none can be had the run goes on without translation and says
   * why in one line.
   */
  static Choice<TranslationStage> translation(RunOptions options, ModelResolver models) {
    MarianTranslator translator;
    try {
      translator = MarianTranslator.open(models, options.model(), options.generation());
    } catch (ModelException e) {
      // The exception's line already says how to get the model.
      return Choice.missing("translation skipped: " + e.oneLine());
    }
    Path dir = translator.directory().dir();
    try {
      return Choice.of(TranslationStage.of(translator, ModelFiles.describe(dir)));
    } catch (IOException e) {
      translator.close();
      return Choice.missing("translation skipped: " + dir + ": cannot list the model files: " + e);
    }
  }

  /** Alignment: adapt the align package's bead search to {@link AlignmentStage} here. */
  static Choice<AlignmentStage> alignment(RunOptions options) {
    AlignOptions settings = AlignOptions.defaults();
    SentenceAligner aligner = new SentenceAligner(settings);
    return Choice.of(
        new AlignmentStage() {
          @Override
          public String name() {
            return "bead-search " + settings;
          }

          @Override
          public List<Bead> align(
              List<String> source, List<String> target, List<String> sourceTranslation) {
            return sourceTranslation == null
                ? aligner.align(source, target)
                : aligner.align(
                    source, target, SentenceAligner.Translations.ofSource(sourceTranslation));
          }
        });
  }

  /**
   * Which stages there are and their names (the review settings and the digest of its fitted files,
   * the model's name, the aligner's settings), part of the resume fingerprint ({@link
   * RunFingerprint}).
   */
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
