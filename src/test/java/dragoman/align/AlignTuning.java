package dragoman.align;

import dragoman.eval.BeadFile;
import dragoman.eval.SentenceAlignmentScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints strict/lax F1 on a dev document for a few settings (a tool, not a test). */
public final class AlignTuning {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> de = Files.readAllLines(dir.resolve("dev.de"));
    List<String> fr = Files.readAllLines(dir.resolve("dev.fr"));
    List<String> gde = Files.readAllLines(dir.resolve("dev.google.de"));
    List<Bead> gold = BeadFile.read(dir.resolve("dev.defr"));
    ChrfSimilarity sim = new ChrfSimilarity();
    String mode = args.length > 1 ? args[1] : "all";
    if (mode.equals("grid")) {
      // grid BONUS,MISS TRANSW,THR MAXSIDE ...: each arg a config "bonus:miss:transW:thr:max"
      for (int k = 2; k < args.length; k++) {
        String[] f = args[k].split(":");
        AlignOptions o0 =
            AlignOptions.defaults()
                .withAnchors(Double.parseDouble(f[0]) >= 0)
                .withAnchorMatchBonus(Double.parseDouble(f[0]))
                .withAnchorMissPenalty(Double.parseDouble(f[1]))
                .withTranslationWeight(Double.parseDouble(f[2]))
                .withTranslationThreshold(Double.parseDouble(f[3]))
                .withMaxBeadSide(Integer.parseInt(f[4]));
        AlignOptions o = o0;
        if (f.length > 5) {
          o = o.withTranslationBand(Integer.parseInt(f[5]));
        }
        run(
            args[k],
            new SentenceAligner(o, sim),
            de,
            fr,
            o.translationWeight() > 0 ? gde : null,
            gold);
      }
      return;
    }
    AlignOptions base = AlignOptions.defaults();
    if (mode.equals("all") || mode.equals("len")) {
      run("length", new SentenceAligner(base.withAnchors(false), sim), de, fr, null, gold);
      run(
          "length max2",
          new SentenceAligner(base.withAnchors(false).withMaxBeadSide(2), sim),
          de,
          fr,
          null,
          gold);
      run(
          "length max4",
          new SentenceAligner(base.withAnchors(false).withMaxBeadSide(4), sim),
          de,
          fr,
          null,
          gold);
    }
    if (mode.equals("all") || mode.equals("anchors")) {
      for (double bonus : new double[] {0.5, 1, 2, 4}) {
        for (double miss : new double[] {0, 0.3, 1}) {
          run(
              "anchors " + bonus + " " + miss,
              new SentenceAligner(
                  base.withAnchorMatchBonus(bonus).withAnchorMissPenalty(miss), sim),
              de,
              fr,
              null,
              gold);
        }
      }
    }
    if (mode.equals("all") || mode.equals("trans")) {
      for (double w : new double[] {5, 10, 20}) {
        for (double th : new double[] {0.15, 0.25, 0.35}) {
          run(
              "trans " + w + " " + th,
              new SentenceAligner(base.withTranslationWeight(w).withTranslationThreshold(th), sim),
              de,
              fr,
              gde,
              gold);
        }
      }
    }
  }

  static void run(
      String name,
      SentenceAligner a,
      List<String> de,
      List<String> fr,
      List<String> gde,
      List<Bead> gold) {
    long t0 = System.nanoTime();
    List<Bead> test =
        gde == null ? a.align(de, fr) : a.align(de, fr, SentenceAligner.Translations.ofTarget(gde));
    SentenceAlignmentScores s = SentenceAlignmentScores.of(gold, test);
    System.out.printf(
        "%-28s strict %.3f lax %.3f  (P %.3f R %.3f) %.1fs%n",
        name,
        s.f1Strict(),
        s.f1Lax(),
        s.precisionStrict(),
        s.recallStrict(),
        (System.nanoTime() - t0) / 1e9);
  }
}
