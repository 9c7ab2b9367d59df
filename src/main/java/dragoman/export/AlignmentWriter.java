package dragoman.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import dragoman.align.Bead;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes an alignment as vecalign beads, JSON Lines (Jackson) or tab-separated pairs. */
public final class AlignmentWriter {
  /** Output formats of {@code dragoman align}. */
  public enum Format {
    /** vecalign's {@code [0,1]:[0]} with the cost after a colon, one bead a line */
    beads,
    /** one JSON object a bead: indices, texts of both sides, cost */
    jsonl,
    /** source text TAB target text, for beads with sentences on both sides */
    tsv
  }

  /** One bead as a JSON line. */
  public record BeadRecord(
      @JsonProperty("source") List<Integer> source,
      @JsonProperty("target") List<Integer> target,
      @JsonProperty("cost") double cost,
      @JsonProperty("source_text") String sourceText,
      @JsonProperty("target_text") String targetText) {}

  private AlignmentWriter() {}

  public static void write(
      List<Bead> beads, List<String> source, List<String> target, Format format, OutputStream out)
      throws IOException {
    switch (format) {
      case jsonl -> {
        JsonlWriter w = new JsonlWriter(out);
        for (BeadRecord r : records(beads, source, target)) {
          w.write(r);
        }
        w.close();
      }
      case beads -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Bead b : beads) {
          // vecalign prints the bead and its cost separated by a colon.
          w.write(
              b.toVecalign() + ":" + String.format(java.util.Locale.ROOT, "%.6f", b.cost()) + "\n");
        }
        w.flush();
      }
      case tsv -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Bead b : beads) {
          if (b.source().isEmpty() || b.target().isEmpty()) {
            continue;
          }
          w.write(
              tsvField(text(source, b.source()))
                  + "\t"
                  + tsvField(text(target, b.target()))
                  + "\n");
        }
        w.flush();
      }
    }
  }

  /** The beads as {@code --format jsonl} writes them, one record a bead. */
  public static List<BeadRecord> records(
      List<Bead> beads, List<String> source, List<String> target) {
    List<BeadRecord> out = new ArrayList<>(beads.size());
    for (Bead b : beads) {
      out.add(
          new BeadRecord(
              b.source(),
              b.target(),
              b.cost(),
              text(source, b.source()),
              text(target, b.target())));
    }
    return out;
  }

  /** The bead's sentences of one side joined by a space. */
  static String text(List<String> sentences, List<Integer> ids) {
    List<String> parts = new ArrayList<>(ids.size());
    for (int i : ids) {
      parts.add(sentences.get(i));
    }
    return String.join(" ", parts);
  }

  private static String tsvField(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
