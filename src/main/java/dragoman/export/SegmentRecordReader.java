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

/** Reads Dragoman's JSONL back into {@link SegmentRecord}s, with Jackson. */
public final class SegmentRecordReader {
  /** A line that is not a segment record; the message names the file and line. */
  public static final class BadRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    BadRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ObjectMapper mapper = JsonlWriter.mapper();

  public List<SegmentRecord> read(Path file) throws IOException {
    List<SegmentRecord> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          SegmentRecord r = mapper.readValue(line, SegmentRecord.class);
          if (r.id() == null || r.de() == null) {
            throw new BadRecordException(
                file + ":" + n + ": not a segment record (needs \"id\" and \"de\")", null);
          }
          out.add(r);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
          throw new BadRecordException(file + ":" + n + ": not a segment record: " + why, e);
        }
      }
    }
    return out;
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
