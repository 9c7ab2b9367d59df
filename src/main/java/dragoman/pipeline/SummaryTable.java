package dragoman.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code dragoman run} prints at the end: one row per document (its own processing time)
 * and a total (the run's wall-clock time, documents being processed in parallel).
 */
public final class SummaryTable {
  private static final String[] HEAD = {"document", "segments", "flagged", "translated", "time"};

  private SummaryTable() {}

  public static String format(PipelineRun.Summary summary) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEAD);
    int segs = 0;
    int flagged = 0;
    int translated = 0;
    boolean anyReviewed = false;
    for (PipelineRun.Outcome o : summary.outcomes()) {
      double s = o.time().toNanos() / 1e9;
      String time =
          switch (o.status()) {
            case DONE -> String.format(Locale.ROOT, "%.1fs", s);
            case RESUMED -> "resumed";
            case FAILED -> "failed";
          };
      rows.add(
          new String[] {
            o.doc(),
            o.status() == PipelineRun.Status.FAILED ? "-" : Integer.toString(o.segments()),
            o.flagged() == null ? "-" : Integer.toString(o.flagged()),
            o.status() == PipelineRun.Status.FAILED ? "-" : Integer.toString(o.translated()),
            time
          });
      segs += o.segments();
      translated += o.translated();
      if (o.flagged() != null) {
        anyReviewed = true;
        flagged += o.flagged();
      }
    }
    rows.add(
        new String[] {
          "total (" + summary.outcomes().size() + ")",
          Integer.toString(segs),
          anyReviewed ? Integer.toString(flagged) : "-",
          Integer.toString(translated),
          String.format(Locale.ROOT, "%.1fs", summary.wall().toNanos() / 1e9)
        });
    int[] width = new int[HEAD.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      if (k == rows.size() - 1) {
        rule(b, width);
      }
      String[] r = rows.get(k);
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          b.append("  ");
        }
        // The document name reads left-aligned; numbers right-aligned.
        String cell = r[i];
        String pad = " ".repeat(width[i] - cell.length());
        b.append(i == 0 ? cell + pad : pad + cell);
      }
      b.append('\n');
      if (k == 0) {
        rule(b, width);
      }
    }
    return b.toString();
  }

  private static void rule(StringBuilder b, int[] width) {
    int total = 0;
    for (int w : width) {
      total += w;
    }
    b.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
  }
}
