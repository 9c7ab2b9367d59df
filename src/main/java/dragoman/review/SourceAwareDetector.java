package dragoman.review;

import dragoman.metric.Chrf;
import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wrong senses that read fluently: translates the German back into English with our {@link
 * Translator} and compares it with the English source aligned to the segment (chrF2, as sacreBLEU
 * computes it). A back-translation far from the source means the German says something else.
 * Optionally (Nguyen-Son et al. 2021, "Machine translated text detection through text similarity
 * with round-trip translation", NAACL), translates the back-translation into German again with an
 * English-to-German model: machine-translated German survives the round trip nearly unchanged.
 *
 * <p>The whole document is translated in one batch the first time one of its segments is asked
 * about (the Translator batches internally).
 */
public final class SourceAwareDetector implements Detector {
  public static final String ID = "source";

  /** chrF2 (0-100) of back-translation vs source below which the meaning has probably drifted. */
  public static final double DEFAULT_MIN_CHRF = 35;

  /** chrF2 of round trip vs German above which the German looks machine-made. */
  public static final double DEFAULT_ROUND_TRIP_CHRF = 80;

  private final Translator deEn;
  private final Translator enDe;
  private final double minChrf;
  private final double roundTripChrf;
  private final Chrf chrf = new Chrf();
  private Object cachedFor;
  private final Map<String, String> back = new HashMap<>();
  private final Map<String, String> roundTrip = new HashMap<>();

  /**
   * @param deEn German-to-English translator (our Marian engine)
   * @param enDe English-to-German translator for the round trip, or null
   */
  public SourceAwareDetector(
      Translator deEn, Translator enDe, double minChrf, double roundTripChrf) {
    this.deEn = deEn;
    this.enDe = enDe;
    this.minChrf = minChrf;
    this.roundTripChrf = roundTripChrf;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> detect(Segment segment, DocumentContext context) {
    String english = context.english(segment);
    if (english == null || english.isBlank()) {
      return List.of();
    }
    translateDocument(context);
    List<Finding> out = new ArrayList<>();
    String backTranslation = back.get(segment.id());
    double score = chrf.sentenceScore(backTranslation, List.of(english));
    if (score < minChrf) {
      out.add(
          new Finding(
              ID,
              "meaning-drift",
              segment.start(),
              segment.end(),
              String.format(
                  Locale.ROOT,
                  "translated back, this reads \"%s\" (chrF %.0f against the source \"%s\"): the"
                      + " German may say something else",
                  backTranslation,
                  score,
                  english),
              null,
              Severity.MINOR));
    }
    String trip = roundTrip.get(segment.id());
    if (trip != null) {
      double same = chrf.sentenceScore(trip, List.of(segment.text()));
      if (same >= roundTripChrf) {
        out.add(
            new Finding(
                ID,
                "round-trip-stable",
                segment.start(),
                segment.end(),
                String.format(
                    Locale.ROOT,
                    "survives a round trip through English almost unchanged (chrF %.0f): typical of"
                        + " machine translation",
                    same),
                null,
                Severity.INFO));
      }
    }
    return out;
  }

  private void translateDocument(DocumentContext context) {
    if (cachedFor == context) {
      return;
    }
    back.clear();
    roundTrip.clear();
    List<Segment> wanted = new ArrayList<>();
    for (Segment s : context.document().segments()) {
      if (context.english(s) != null) {
        wanted.add(s);
      }
    }
    List<Translation> en = deEn.translate(wanted.stream().map(Segment::text).toList());
    for (int i = 0; i < wanted.size(); i++) {
      back.put(wanted.get(i).id(), en.get(i).text());
    }
    if (enDe != null) {
      List<Translation> de = enDe.translate(en.stream().map(Translation::text).toList());
      for (int i = 0; i < wanted.size(); i++) {
        roundTrip.put(wanted.get(i).id(), de.get(i).text());
      }
    }
    cachedFor = context;
  }
}
