package dragoman.serve;

import dragoman.text.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The API keys a server accepts: a text file with one key a line; blank lines and lines starting
 * with {@code #} are ignored. With keys, every request to a translating or reviewing endpoint must
 * carry one ({@code api_key}, as LibreTranslate's clients send it).
 */
public final class ApiKeys {
  private final Set<String> keys;

  private ApiKeys(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  /** No keys: every request is let in. */
  public static ApiKeys none() {
    return new ApiKeys(Set.of());
  }

  public static ApiKeys of(Set<String> keys) {
    return new ApiKeys(keys);
  }

  /**
   * @throws BadInputException naming the file: unreadable, or without a single key
   */
  public static ApiKeys read(Path file) throws BadInputException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read the API keys: " + e.getMessage());
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      String k = line.strip();
      if (!k.isEmpty() && !k.startsWith("#")) {
        keys.add(k);
      }
    }
    if (keys.isEmpty()) {
      throw new BadInputException(
          file.toString(), "no API keys in it (one key a line; # starts a comment)");
    }
    return new ApiKeys(keys);
  }

  public boolean required() {
    return !keys.isEmpty();
  }

  /**
   * LibreTranslate's {@code access_check}: a key that is given but unknown is 403 "Invalid API
   * key"; a missing one, where keys are required, is 400 with a pointer to the operator.
   */
  void check(String key) throws ApiError {
    if (!required()) {
      return;
    }
    if (key == null || key.isEmpty()) {
      throw new ApiError(400, "Please contact the server operator to get an API key");
    }
    if (!keys.contains(key)) {
      throw new ApiError(403, "Invalid API key");
    }
  }
}
