package dragoman.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import dragoman.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The fitted and learned files a review reads (the span detector, its thresholds, the combiner's
 * weights, the translationese model, the rule catalogue): their digest goes into what {@code run
 * --resume} compares, so a review refitted or retrained under the same version is done again rather
 * than served from the last run.
 */
public final class ReviewResources {
  /**
   * Every file of {@code src/main/resources/dragoman/review} that changes a review (not the card).
   */
  public static final List<String> NAMES =
      List.of(
          "rules.json",
          "span-detector.json",
          "span-detector.onnx",
          "span-thresholds.json",
          "translationese.json",
          "weights.json");

  private static final String FOLDER = "/dragoman/review/";
  private static volatile String digest;

  private ReviewResources() {}

  /**
   * Reads the JSON resource at {@code path} as {@code type}; {@code what} names it in the error
   * when the build lacks it or it does not parse.
   */
  static <T> T readJson(String path, Class<T> type, String what) {
    try (InputStream in = ReviewResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(what + " " + path + " missing from the build");
      }
      return new ObjectMapper().readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 over the names and bytes of {@link #NAMES}, computed once per process. */
  public static String digest() {
    String d = digest;
    if (d == null) {
      d = compute();
      digest = d;
    }
    return d;
  }

  private static String compute() {
    MessageDigest d = Sha256.digest();
    for (String name : NAMES) {
      try (InputStream in = ReviewResources.class.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "review resource " + FOLDER + name + " missing from the build");
        }
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read review resource " + FOLDER + name, e);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
