package dragoman.eval;

import dragoman.align.Bead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads sentence alignments in vecalign's bead format, one bead a line: {@code [0,1]:[0]}, {@code
 * []:[3]}, optionally followed by {@code :cost} as vecalign's output has it. Like vecalign's {@code
 * dp_utils.read_alignments}, the line is split at colons and the first two non-blank fields are the
 * source and target index lists. Blank lines are skipped, and so are beads empty on both sides
 * ({@code []:[]}), which vecalign's scorer drops anyway.
 */
public final class BeadFile {
  private BeadFile() {}

  /**
   * The beads of a file.
   *
   * @throws IOException if the file cannot be read, or (as {@link BadBeadException}) a line is not
   *     a bead
   */
  public static List<Bead> read(Path file) throws IOException {
    List<String> lines = LineFiles.read(file);
    List<Bead> beads = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        Bead b = parse(line);
        if (b != null) {
          beads.add(b);
        }
      } catch (IllegalArgumentException e) {
        throw new BadBeadException(file + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    return beads;
  }

  /**
   * One bead, or null for {@code []:[]}.
   *
   * @throws IllegalArgumentException if the line is not in vecalign's format
   */
  public static Bead parse(String line) {
    List<String> fields = new ArrayList<>();
    for (String f : line.split(":", -1)) {
      if (!f.strip().isEmpty()) {
        fields.add(f.strip());
      }
    }
    if (fields.size() < 2) {
      throw new IllegalArgumentException(
          "expected a bead like [0,1]:[2], got \"" + line.strip() + "\"");
    }
    List<Integer> source = indices(fields.get(0), line);
    List<Integer> target = indices(fields.get(1), line);
    double cost = 0;
    if (fields.size() > 2) {
      try {
        cost = Double.parseDouble(fields.get(2));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected a cost after the bead, got \"" + fields.get(2) + "\"", e);
      }
    }
    if (source.isEmpty() && target.isEmpty()) {
      return null;
    }
    return new Bead(source, target, cost);
  }

  private static List<Integer> indices(String field, String line) {
    if (!field.startsWith("[") || !field.endsWith("]")) {
      throw new IllegalArgumentException(
          "expected a bracketed index list like [0,1], got \""
              + field
              + "\" in \""
              + line.strip()
              + "\"");
    }
    String inner = field.substring(1, field.length() - 1).strip();
    List<Integer> out = new ArrayList<>();
    if (inner.isEmpty()) {
      return out;
    }
    for (String part : inner.split(",", -1)) {
      try {
        int v = Integer.parseInt(part.strip());
        if (v < 0) {
          throw new NumberFormatException();
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected a sentence index, got \"" + part.strip() + "\" in \"" + line.strip() + "\"",
            e);
      }
    }
    return out;
  }

  /** A line that is not a bead; the message names the file and line. */
  public static final class BadBeadException extends IOException {
    private static final long serialVersionUID = 1L;

    public BadBeadException(String message) {
      super(message);
    }
  }
}
