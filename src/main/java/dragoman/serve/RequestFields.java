package dragoman.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dragoman.text.StrictUtf8;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The parameters of a request, read as LibreTranslate reads them (its {@code app.py}): a JSON
 * object when the content type is JSON ({@code application/json} or {@code application/*+json},
 * Flask's {@code request.is_json}), otherwise the query string and a URL-encoded form body together
 * (Flask's {@code request.values}), first value of each name.
 */
final class RequestFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode fields;
  private final boolean json;

  private RequestFields(ObjectNode fields, boolean json) {
    this.fields = fields;
    this.json = json;
  }

  /**
   * @param contentType the request's Content-Type header, or null
   * @param query the raw query string, or null
   * @throws ApiError 400 for a body that is not a JSON object, or not UTF-8
   */
  static RequestFields parse(String contentType, byte[] body, String query) throws ApiError {
    String mime =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (mime.equals("application/json")
        || mime.startsWith("application/") && mime.endsWith("+json")) {
      JsonNode node;
      try {
        node = JSON.readTree(utf8(body));
      } catch (JacksonException e) {
        throw ApiError.badRequest("Invalid JSON format");
      }
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("Invalid JSON format");
      }
      return new RequestFields((ObjectNode) node, true);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Fields values = new Fields(true);
    try {
      if (query != null && !query.isEmpty()) {
        UrlEncoded.decodeUtf8To(query, values);
      }
      if (mime.equals("application/x-www-form-urlencoded") && body.length > 0) {
        UrlEncoded.decodeUtf8To(utf8(body), values);
      }
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid request: malformed form data");
    }
    for (Fields.Field f : values) {
      if (!out.has(f.getName())) {
        out.put(f.getName(), f.getValue());
      }
    }
    return new RequestFields(out, false);
  }

  private static String utf8(byte[] body) throws ApiError {
    try {
      return StrictUtf8.decode(body);
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("Invalid request: the body is not UTF-8");
    }
  }

  boolean isJson() {
    return json;
  }

  /** A string parameter; null when absent, empty or JSON null ({@code if not q} in Python). */
  String text(String name) throws ApiError {
    JsonNode n = fields.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode() || n.isBinary()) {
      throw ApiError.badRequest("Invalid request: " + name + " parameter must be a string");
    }
    String s = n.asText();
    return s.isEmpty() ? null : s;
  }

  /**
   * {@code q}: one text or, in JSON, an array of texts.
   *
   * @return null when absent or empty
   */
  List<String> texts(String name) throws ApiError {
    JsonNode n = fields.get(name);
    if (n != null && n.isArray()) {
      if (n.isEmpty()) {
        return null;
      }
      List<String> out = new ArrayList<>(n.size());
      for (JsonNode e : n) {
        if (!e.isTextual()) {
          throw ApiError.badRequest(
              "Invalid request: " + name + " parameter must be a string or an array of strings");
        }
        out.add(e.asText());
      }
      return out;
    }
    String one = text(name);
    return one == null ? null : List.of(one);
  }

  boolean isArray(String name) {
    JsonNode n = fields.get(name);
    return n != null && n.isArray();
  }

  /** A whole number, or {@code fallback} when absent. */
  int integer(String name, int fallback) throws ApiError {
    JsonNode n = fields.get(name);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (n.isIntegralNumber() && n.canConvertToInt()) {
      return n.asInt();
    }
    try {
      return Integer.parseInt(n.asText().strip());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Invalid request: " + name + " parameter is not a number");
    }
  }

  /** A number, or {@code fallback} when absent. */
  double number(String name, double fallback) throws ApiError {
    JsonNode n = fields.get(name);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    try {
      return Double.parseDouble(n.asText().strip());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Invalid request: " + name + " parameter is not a number");
    }
  }

  /** true/false (JSON booleans, or "true"/"false"/"1"/"0" in forms), or {@code fallback}. */
  boolean flag(String name, boolean fallback) throws ApiError {
    JsonNode n = fields.get(name);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return switch (n.asText().strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiError.badRequest("Invalid request: " + name + " must be true or false");
    };
  }
}
