package dragoman.pipeline;

import dragoman.align.AlignOptions;
import dragoman.align.SentenceAligner;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import dragoman.review.Detector;
import dragoman.review.SourceAlignment;
import dragoman.review.SourceAwareDetector;
import dragoman.text.BadInputException;
import dragoman.text.Document;
import dragoman.text.DocumentReader;
import dragoman.text.InputSource;
import dragoman.text.Language;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code dragoman review --source} adds: the English source read and segmented, the
 * translators opened, and the source-aware detector; empty when no source is given.
 */
public final class SourceContext implements AutoCloseable {
  private final Document english;
  private final Translator deEn;
  private final Translator enDe;
  private final SourceAlignment alignment =
      new SourceAlignment(new SentenceAligner(AlignOptions.defaults()));

  private SourceContext(Document english, Translator deEn, Translator enDe) {
    this.english = english;
    this.deEn = deEn;
    this.enDe = enDe;
  }

  public static SourceContext open(
      Path source, Path model, Path reverseModel, boolean offline, PrintStream err)
      throws BadInputException, ModelException {
    if (source == null) {
      return new SourceContext(null, null, null);
    }
    Document english =
        new DocumentReader(Language.ENGLISH).read(new InputSource("source", source)).document();
    GenerationOptions options = GenerationOptions.defaults().withOffline(offline);
    Translator deEn =
        MarianTranslator.open(
            ModelResolver.standard(err, System.console() != null), model, options);
    Translator enDe = null;
    if (reverseModel != null) {
      try {
        enDe = MarianTranslator.open(reverseModel, options);
      } catch (ModelException e) {
        deEn.close();
        throw e;
      }
    }
    return new SourceContext(english, deEn, enDe);
  }

  public List<Detector> detectors() {
    if (deEn == null) {
      return List.of();
    }
    return List.of(
        new SourceAwareDetector(
            deEn,
            enDe,
            SourceAwareDetector.DEFAULT_MIN_CHRF,
            SourceAwareDetector.DEFAULT_ROUND_TRIP_CHRF));
  }

  public Map<String, String> englishBySegment(Document german) {
    return english == null ? Map.of() : alignment.englishBySegment(german, english);
  }

  @Override
  public void close() {
    if (deEn != null) {
      deEn.close();
    }
    if (enDe != null) {
      enDe.close();
    }
  }
}
