package dragoman.align;

import dragoman.eval.BeadFile;
import dragoman.eval.SentenceAlignmentScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The tuning tool behind eval/align-tune (a command, not a test): aligns every document of the
 * development sets in one JVM for each setting given and prints strict and lax F1, with and without
 * the translation. Only development data goes in: the Text+Berg dev document and the tuning part of
 * the generated stress tests, never their held-out part.
 *
 * <pre>
 * AlignTuning SET... -- SETTING...
 *   SET      textberg=DIR (dev.de, dev.fr, dev.defr, dev.google.de) or stress=DIR (NAME.de,
 *            NAME.en, NAME.gold, NAME.de.en or NAME.en.de)
 *   SETTING  comma-separated field=value of AlignOptions, e.g. translationWeight=8,maxBeadSide=4;
 *            "defaults" for none
 * </pre>
 */
public final class AlignTuning {
  /** One document pair with its gold and the translation of one of its sides. */
  record Doc(
      String name,
      List<String> source,
      List<String> target,
      SentenceAligner.Translations translations,
      List<Bead> gold) {}

  public static void main(String[] args) throws IOException {
    List<List<Doc>> sets = new ArrayList<>();
    List<String> setNames = new ArrayList<>();
    int k = 0;
    for (; k < args.length && !args[k].equals("--"); k++) {
      String[] kv = args[k].split("=", 2);
      setNames.add(kv[0]);
      sets.add(kv[0].equals("textberg") ? textberg(Path.of(kv[1])) : stress(Path.of(kv[1])));
    }
    for (k++; k < args.length; k++) {
      AlignOptions options = parse(args[k]);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-50s", args[k]));
      for (int s = 0; s < sets.size(); s++) {
        for (boolean withTranslation : new boolean[] {false, true}) {
          long t0 = System.nanoTime();
          SentenceAlignmentScores scores = score(sets.get(s), options, withTranslation);
          line.append(
              String.format(
                  Locale.ROOT,
                  "  %s%s %.3f/%.3f %.1fs",
                  setNames.get(s),
                  withTranslation ? "+mt" : "",
                  scores.f1Strict(),
                  scores.f1Lax(),
                  (System.nanoTime() - t0) / 1e9));
        }
      }
      System.out.println(line);
      if (System.getenv("ALIGN_TUNING_TYPES") != null) {
        for (int s = 0; s < sets.size(); s++) {
          for (boolean withTranslation : new boolean[] {false, true}) {
            System.out.println(
                "    "
                    + setNames.get(s)
                    + (withTranslation ? "+mt" : "")
                    + " recall by gold shape: "
                    + typeRecall(sets.get(s), options, withTranslation));
          }
        }
      }
    }
  }

  /** Per gold bead shape: the share of gold beads found exactly, and how many there are. */
  static String typeRecall(List<Doc> docs, AlignOptions options, boolean translate) {
    SentenceAligner aligner = new SentenceAligner(options);
    java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
    for (Doc d : docs) {
      java.util.Set<String> test = new java.util.HashSet<>();
      for (Bead b :
          aligner.align(
              d.source(),
              d.target(),
              translate ? d.translations() : SentenceAligner.Translations.none())) {
        test.add(b.toVecalign());
      }
      for (Bead g : d.gold()) {
        int[] c =
            counts.computeIfAbsent(g.source().size() + "-" + g.target().size(), k -> new int[2]);
        c[1]++;
        if (test.contains(g.toVecalign())) {
          c[0]++;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (shape, c) ->
            out.append(
                String.format(Locale.ROOT, " %s %.3f (%d)", shape, c[0] / (double) c[1], c[1])));
    return out.toString();
  }

  static SentenceAlignmentScores score(List<Doc> docs, AlignOptions options, boolean translate) {
    SentenceAligner aligner = new SentenceAligner(options);
    List<List<Bead>> golds = new ArrayList<>();
    List<List<Bead>> tests = new ArrayList<>();
    for (Doc d : docs) {
      golds.add(d.gold());
      tests.add(
          aligner.align(
              d.source(),
              d.target(),
              translate ? d.translations() : SentenceAligner.Translations.none()));
    }
    return SentenceAlignmentScores.ofDocuments(golds, tests);
  }

  static AlignOptions parse(String setting) {
    AlignOptions o = AlignOptions.defaults();
    if (setting.equals("defaults")) {
      return o;
    }
    for (String kv : setting.split(",")) {
      String[] p = kv.split("=", 2);
      String v = p[1];
      o =
          switch (p[0]) {
            case "maxBeadSide" -> o.withMaxBeadSide(Integer.parseInt(v));
            case "anchors" -> o.withAnchors(Boolean.parseBoolean(v));
            case "anchorMatchBonus" -> o.withAnchorMatchBonus(Double.parseDouble(v));
            case "anchorMissPenalty" -> o.withAnchorMissPenalty(Double.parseDouble(v));
            case "translationWeight" -> o.withTranslationWeight(Double.parseDouble(v));
            case "translationThreshold" -> o.withTranslationThreshold(Double.parseDouble(v));
            case "loneLengthCost" -> o.withLoneLengthCost(Double.parseDouble(v));
            case "translationAnchorWeight" -> o.withTranslationAnchorWeight(Double.parseDouble(v));
            case "randomPairs" -> o.withRandomPairs(Integer.parseInt(v));
            case "lengthWeight" -> o.withLengthWeight(Double.parseDouble(v));
            case "translationBand" -> o.withTranslationBand(Integer.parseInt(v));
            default -> throw new IllegalArgumentException("no tunable field " + p[0]);
          };
    }
    return o;
  }

  static List<Doc> textberg(Path dir) throws IOException {
    return List.of(
        new Doc(
            "textberg",
            Files.readAllLines(dir.resolve("dev.de")),
            Files.readAllLines(dir.resolve("dev.fr")),
            SentenceAligner.Translations.ofTarget(Files.readAllLines(dir.resolve("dev.google.de"))),
            BeadFile.read(dir.resolve("dev.defr"))));
  }

  static List<Doc> stress(Path dir) throws IOException {
    List<Doc> docs = new ArrayList<>();
    List<Path> golds;
    try (Stream<Path> files = Files.list(dir)) {
      golds = files.filter(p -> p.toString().endsWith(".gold")).sorted().toList();
    }
    for (Path gold : golds) {
      String base = gold.toString().substring(0, gold.toString().length() - ".gold".length());
      Path deEn = Path.of(base + ".de.en");
      SentenceAligner.Translations t =
          Files.exists(deEn)
              ? SentenceAligner.Translations.ofSource(Files.readAllLines(deEn))
              : SentenceAligner.Translations.ofTarget(Files.readAllLines(Path.of(base + ".en.de")));
      docs.add(
          new Doc(
              gold.getFileName().toString(),
              Files.readAllLines(Path.of(base + ".de")),
              Files.readAllLines(Path.of(base + ".en")),
              t,
              BeadFile.read(gold)));
    }
    return docs;
  }
}
