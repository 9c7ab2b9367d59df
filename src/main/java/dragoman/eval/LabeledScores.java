package dragoman.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gold labels joined with detector scores by item id, the input of {@code dragoman eval review}.
 *
 * <p><b>Labels</b>: a TSV file with a header row naming (at least) the columns {@code id} and
 * {@code label}; lines starting with {@code #} are comments. A label in {@code positive} marks an
 * item that should be flagged, one in {@code ignore} drops the item, any other is negative.
 *
 * <p><b>Scores</b>: either a TSV file with a header row naming {@code id} and {@code score}, or
 * JSONL (recognised by a first non-blank character "{") with one object per line carrying {@code
 * id} and either {@code review.score} (Dragoman's own review output) or {@code score}.
 *
 * <p>Every labelled item needs a score; scored items without a label are ignored.
 *
 * @param ids item ids in label-file order
 * @param positive whether each item should be flagged
 * @param scores the detector's score per item
 */
public record LabeledScores(List<String> ids, boolean[] positive, double[] scores) {
  /** The labels treated as positive when none are given: 1, true, yes, flag. */
  public static final Set<String> DEFAULT_POSITIVE = Set.of("1", "true", "yes", "flag");

  /**
   * Reads and joins the two files.
   *
   * @throws IOException a file is missing or malformed; the message names the file and line
   */
  public static LabeledScores read(
      Path labelFile, Path scoreFile, Set<String> positiveLabels, Set<String> ignoreLabels)
      throws IOException {
    Map<String, String> labels = readTsv(labelFile, "label");
    Map<String, Double> scores = readScores(scoreFile);
    List<String> ids = new ArrayList<>();
    List<Boolean> pos = new ArrayList<>();
    List<Double> sc = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (ignoreLabels.contains(e.getValue())) {
        continue;
      }
      Double s = scores.get(e.getKey());
      if (s == null) {
        missing.add(e.getKey());
        continue;
      }
      ids.add(e.getKey());
      pos.add(positiveLabels.contains(e.getValue()));
      sc.add(s);
    }
    if (!missing.isEmpty()) {
      throw new IOException(
          scoreFile
              + ": no score for "
              + missing.size()
              + " labelled item(s), e.g. \""
              + missing.get(0)
              + "\"; score every id in "
              + labelFile);
    }
    boolean[] p = new boolean[pos.size()];
    double[] s = new double[sc.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = pos.get(i);
      s[i] = sc.get(i);
    }
    return new LabeledScores(List.copyOf(ids), p, s);
  }

  private static Map<String, Double> readScores(Path file) throws IOException {
    List<String> lines = LineFiles.read(file);
    String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    if (!first.startsWith("{")) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : readTsv(file, "score").entrySet()) {
        out.put(e.getKey(), number(file, e.getKey(), e.getValue()));
      }
      return out;
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = json.readTree(lines.get(i));
      } catch (IOException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a JSON object", e);
      }
      JsonNode id = n.get("id");
      JsonNode score = n.path("review").path("score");
      if (score.isMissingNode()) {
        score = n.path("score");
      }
      if (id == null || !score.isNumber()) {
        throw new IOException(
            file + ":" + (i + 1) + ": needs \"id\" and a numeric \"review.score\" or \"score\"");
      }
      out.put(id.asText(), score.asDouble());
    }
    return out;
  }

  private static double number(Path file, String id, String value) throws IOException {
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IOException(file + ": score of \"" + id + "\" is not a number: \"" + value + "\"");
    }
  }

  /** id -> value of {@code column}, from a TSV file with a header row. */
  private static Map<String, String> readTsv(Path file, String column) throws IOException {
    List<String> lines = LineFiles.read(file);
    Map<String, String> out = new LinkedHashMap<>();
    int idCol = -1;
    int valueCol = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (idCol < 0) {
        List<String> header = List.of(f);
        idCol = header.indexOf("id");
        valueCol = header.indexOf(column);
        if (idCol < 0 || valueCol < 0) {
          throw new IOException(
              file
                  + ":"
                  + (i + 1)
                  + ": expected a header row with tab-separated columns \"id\" and \""
                  + column
                  + "\"");
        }
        continue;
      }
      if (f.length <= Math.max(idCol, valueCol)) {
        throw new IOException(file + ":" + (i + 1) + ": too few columns");
      }
      if (out.put(f[idCol], f[valueCol]) != null) {
        throw new IOException(file + ":" + (i + 1) + ": id \"" + f[idCol] + "\" appears twice");
      }
    }
    return out;
  }
}
