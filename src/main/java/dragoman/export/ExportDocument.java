package dragoman.export;

import java.util.List;

/**
 * One document's results, ready to export: its id, the name of the file it came from (for the
 * {@code original} of an XLIFF file, the viewer's tab), and its segment records in reading order.
 */
public record ExportDocument(String id, String source, List<SegmentRecord> records) {
  public ExportDocument {
    records = List.copyOf(records);
  }
}
