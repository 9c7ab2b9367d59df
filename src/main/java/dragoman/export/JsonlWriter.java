package dragoman.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes records as JSON Lines with Jackson: one object a line, each ending in a newline, UTF-8.
 */
public final class JsonlWriter implements AutoCloseable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private final OutputStream out;

  public JsonlWriter(OutputStream out) {
    this.out = out;
  }

  public void write(Object record) throws IOException {
    out.write(MAPPER.writeValueAsBytes(record));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  /** The shared mapper, for readers of the same records. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
