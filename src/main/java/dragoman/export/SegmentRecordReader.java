package dragoman.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Dragoman's JSONL back into {@link SegmentRecord}s, with Jackson: the segment records that
 * run, segment, review and translate write, and the bead lines of {@code align --format jsonl}
 * ({@link AlignmentWriter.BeadRecord}), each bead with German sentences becoming one record.
 */
public final class SegmentRecordReader {
  /**
   * What a file held.
   *
   * @param beadsWithoutGerman beads of an alignment with no German sentence (0-1), which have no
   *     segment to become and are left out
   */
  public record Loaded(List<SegmentRecord> records, int beadsWithoutGerman) {}

  /** A line that is not a segment record; the message names the file and line. */
  public static final class BadRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    BadRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ObjectMapper mapper = JsonlWriter.mapper();

  public List<SegmentRecord> read(Path file) throws IOException {
    return load(file).records();
  }

  /**
   * Segment records, or alignment beads turned into records: id {@code <doc>#b<bead>} (the doc from
   * the file name), {@code de} and {@code en} the bead's texts, {@code align} its indices and cost,
   * and {@code start}/{@code end} offsets into the German beads' texts joined by newlines.
   */
  public Loaded load(Path file) throws IOException {
    List<SegmentRecord> out = new ArrayList<>();
    String doc = docOf(file);
    int beadsWithoutGerman = 0;
    int bead = 0;
    int offset = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(line);
          if (node != null && node.isObject() && !node.has("id") && node.has("source_text")) {
            AlignmentWriter.BeadRecord b =
                mapper.treeToValue(node, AlignmentWriter.BeadRecord.class);
            if (b.source() == null || b.target() == null || b.sourceText() == null) {
              throw new BadRecordException(
                  file
                      + ":"
                      + n
                      + ": not an alignment bead (needs \"source\", \"target\","
                      + " \"source_text\")",
                  null);
            }
            int k = bead++;
            if (b.source().isEmpty()) {
              beadsWithoutGerman++;
              continue;
            }
            String en = b.target().isEmpty() ? null : b.targetText();
            int end = offset + b.sourceText().length();
            out.add(
                new SegmentRecord(
                    doc + "#b" + k,
                    doc,
                    offset,
                    end,
                    b.sourceText(),
                    en,
                    null,
                    null,
                    new dragoman.align.SegmentAlignment(k, b.source(), b.target(), b.cost())));
            offset = end + 1;
            continue;
          }
          SegmentRecord r = mapper.treeToValue(node, SegmentRecord.class);
          if (r.id() == null || r.de() == null) {
            throw new BadRecordException(
                file + ":" + n + ": not a segment record (needs \"id\" and \"de\")", null);
          }
          out.add(r);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
          throw new BadRecordException(
              file
                  + ":"
                  + n
                  + ": not a segment record (from run, segment, review, translate) or an"
                  + " alignment bead (from align --format jsonl): "
                  + why,
              e);
        }
      }
    }
    return new Loaded(out, beadsWithoutGerman);
  }

  /** A document id from a file name: {@code doc.jsonl} is {@code doc}. */
  public static String docOf(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
  }

  /** Records grouped by their "doc" field, in order of first appearance. */
  public static List<ExportDocument> byDocument(List<SegmentRecord> records, String fallbackId) {
    Map<String, List<SegmentRecord>> docs = new LinkedHashMap<>();
    for (SegmentRecord r : records) {
      String doc = r.doc() == null ? fallbackId : r.doc();
      docs.computeIfAbsent(doc, k -> new ArrayList<>()).add(r);
    }
    List<ExportDocument> out = new ArrayList<>();
    docs.forEach((id, rs) -> out.add(new ExportDocument(id, id, rs)));
    return out;
  }
}
