package dragoman.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dragoman.metric.PairedTest;
import dragoman.metric.Signature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores printed as sacreBLEU 2.x prints them ({@code sacrebleu/metrics/base.py} {@code
 * Score.format}, {@code sacrebleu/utils.py} {@code print_results_table}): the single-system JSON
 * object, the multi-system JSON list, and the paired-test table and JSON.
 */
public final class SacrebleuReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SacrebleuReport() {}

  /**
   * Python's {@code f"{x:.{width}f}"}: the exact binary value rounded half to even, as sacreBLEU
   * formats every score.
   */
  public static String fixed(double x, int width) {
    return new BigDecimal(x).setScale(width, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * One system's score as sacreBLEU's {@code --format json}: name, score rounded to {@code width},
   * signature, the verbose score when there is one, then each signature field.
   *
   * @param verbose BLEU's precisions and brevity penalty, or null
   */
  public static String singleJson(
      String name, double score, int width, Signature signature, String verbose) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", name);
    o.put("score", Double.parseDouble(fixed(score, width)));
    o.put("signature", signature.format());
    if (verbose != null) {
      o.put("verbose_score", verbose);
    }
    for (Map.Entry<String, String> e : signature.fields().entrySet()) {
      o.put(e.getKey(), e.getValue());
    }
    return write(o, " ");
  }

  /** Several systems without a test, as sacreBLEU's JSON list: the scores as formatted strings. */
  public static String systemsJson(
      List<String> systems, String metric, List<Double> scores, int width) {
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < systems.size(); i++) {
      ObjectNode o = list.addObject();
      o.put("system", systems.get(i));
      o.put(metric, fixed(scores.get(i), width));
    }
    return write(list, "    ");
  }

  /**
   * A paired test as sacreBLEU's JSON list: per system (the baseline named {@code Baseline: ...}),
   * the metric's score, p-value, mean and confidence interval at full precision (null where
   * absent).
   */
  public static String pairedJson(
      List<String> systems, String metric, List<PairedTest.Result> results) {
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < systems.size(); i++) {
      ObjectNode o = list.addObject();
      o.put("system", systemName(systems, i));
      ObjectNode r = o.putObject(metric);
      PairedTest.Result res = results.get(i);
      r.put("score", res.score());
      r.put("p_value", res.pValue());
      r.put("mean", res.mean());
      r.put("ci", res.ci());
    }
    return write(list, "    ");
  }

  /** The baseline is called {@code Baseline: NAME}, as sacreBLEU calls it. */
  static String systemName(List<String> systems, int i) {
    return i == 0 ? "Baseline: " + systems.get(0) : systems.get(i);
  }

  /**
   * A paired test as sacreBLEU's text table (tabulate's {@code fancy_grid}, without colours),
   * followed by its explanation of the test and the metric's signature.
   */
  public static String pairedTable(
      List<String> systems,
      String metric,
      List<PairedTest.Result> results,
      PairedTest.Options options,
      int width,
      Signature signature) {
    boolean bootstrap = options.kind() == PairedTest.Kind.BOOTSTRAP;
    List<String[]> column0 = new ArrayList<>();
    List<String[]> column1 = new ArrayList<>();
    column0.add(new String[] {"System"});
    column1.add(new String[] {metric + (bootstrap ? " (μ ± 95% CI)" : "")});
    for (int i = 0; i < systems.size(); i++) {
      PairedTest.Result r = results.get(i);
      String cell = fixed(r.score(), width);
      if (r.mean() != null) {
        cell += " (" + fixed(r.mean(), width) + " ± " + fixed(r.ci(), width) + ")";
      }
      if (r.pValue() != null) {
        cell += "\n(p = " + fixed(r.pValue(), 4) + ")" + (r.pValue() > 0.05 ? "" : "*");
      }
      column0.add(new String[] {systemName(systems, i)});
      column1.add(cell.split("\n"));
    }
    StringBuilder out = new StringBuilder();
    out.append(grid(column0, column1)).append('\n');
    String test = bootstrap ? "bootstrap resampling" : "approximate randomization";
    String msg =
        "Paired "
            + test
            + " test with "
            + options.samples()
            + (bootstrap ? " resampling trials" : " trials");
    String rule = "-".repeat(msg.length());
    out.append(rule).append('\n').append(msg).append('\n').append(rule).append('\n');
    out.append(" - Each system is pairwise compared to ")
        .append(systemName(systems, 0))
        .append(".\n");
    out.append(
        bootstrap
            ? "   Actual system score / bootstrap estimated true mean / 95% CI are provided for each"
                + " metric.\n"
            : "   Actual system score is provided for each metric.\n");
    out.append('\n');
    out.append(
        " - Null hypothesis: the system and the baseline translations are essentially\n"
            + "   generated by the same underlying process. For a given system and the baseline,\n"
            + "   the p-value is roughly the probability of the absolute score difference (delta)\n"
            + "   or higher occurring due to chance, under the assumption that the null hypothesis"
            + " is correct.\n\n"
            + " - Assuming a significance threshold of 0.05, the null hypothesis can be rejected\n"
            + "   for p-values < 0.05 (marked with \"*\"). This means that the delta is unlikely to"
            + " be attributed\n"
            + "   to chance, hence the system is significantly \"different\" than the baseline.\n"
            + "   Otherwise, the p-values are not marked.\n\n"
            + " - NOTE: Significance does not tell whether a system is \"better\" than the baseline"
            + " but rather\n"
            + "   emphasizes the \"difference\" of the systems in terms of the replicability of the"
            + " delta.\n\n");
    out.append("-----------------\nMetric signatures\n-----------------\n");
    out.append(String.format(" - %-10s %s%n", metric, signature.format()));
    return out.toString();
  }

  /** Two columns in tabulate's fancy_grid: the first right-aligned, the second centred. */
  private static String grid(List<String[]> left, List<String[]> right) {
    int w0 = 0;
    int w1 = 0;
    for (int r = 0; r < left.size(); r++) {
      for (String s : left.get(r)) {
        w0 = Math.max(w0, s.codePointCount(0, s.length()));
      }
      for (String s : right.get(r)) {
        w1 = Math.max(w1, s.codePointCount(0, s.length()));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(border('╒', '═', '╤', '╕', w0, w1));
    for (int r = 0; r < left.size(); r++) {
      int lines = Math.max(left.get(r).length, right.get(r).length);
      for (int l = 0; l < lines; l++) {
        String a = l < left.get(r).length ? left.get(r)[l] : "";
        String b = l < right.get(r).length ? right.get(r)[l] : "";
        out.append("│ ")
            .append(pad(a, w0, false))
            .append(" │ ")
            .append(pad(b, w1, true))
            .append(" │\n");
      }
      if (r == 0) {
        out.append(border('╞', '═', '╪', '╡', w0, w1));
      } else if (r < left.size() - 1) {
        out.append(border('├', '─', '┼', '┤', w0, w1));
      }
    }
    out.append(border('╘', '═', '╧', '╛', w0, w1));
    return out.toString();
  }

  private static String border(char l, char fill, char mid, char r, int w0, int w1) {
    String f = String.valueOf(fill);
    return l + f.repeat(w0 + 2) + mid + f.repeat(w1 + 2) + r + "\n";
  }

  private static String pad(String s, int width, boolean centre) {
    int gap = width - s.codePointCount(0, s.length());
    if (!centre) {
      return " ".repeat(gap) + s;
    }
    int before = gap / 2;
    return " ".repeat(before) + s + " ".repeat(gap - before);
  }

  private static String write(Object node, String indent) {
    DefaultIndenter indenter = new DefaultIndenter(indent, "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(indenter)
            .withObjectIndenter(indenter);
    try {
      return JSON.writer(printer).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
