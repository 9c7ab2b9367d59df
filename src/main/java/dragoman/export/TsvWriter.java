package dragoman.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes aligned pairs as tab-separated German and English, one pair a line, no header: the shape
 * aligners and MT training tools read. Pairs are grouped as in TMX ({@link TmxWriter#pairs}); tabs
 * and line breaks inside a sentence become spaces so a line is always one pair.
 */
public final class TsvWriter {
  public void write(List<ExportDocument> docs, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (ExportDocument doc : docs) {
      for (List<SegmentRecord> pair : TmxWriter.pairs(doc.records())) {
        String de = String.join(" ", pair.stream().map(SegmentRecord::de).toList());
        String en =
            pair.stream().map(SegmentRecord::en).filter(e -> e != null).findFirst().orElse("");
        w.write(field(de));
        w.write('\t');
        w.write(field(en));
        w.write('\n');
      }
    }
    w.flush();
  }

  static String field(String s) {
    return s.replaceAll("[\\t\\r\\n\\u2028\\u2029]+", " ");
  }
}
