package dragoman.serve;

import dragoman.mt.DynamicBatcher;
import java.time.Duration;

/**
 * What {@code dragoman serve} is told at start.
 *
 * @param host address to bind; default {@code 127.0.0.1} (loopback: nothing outside the machine
 *     reaches the server unless asked)
 * @param port TCP port; 0 picks a free one. Default 5000 (LibreTranslate's)
 * @param charLimit most characters (Unicode code points) in one text of {@code q}; -1 for no limit,
 *     LibreTranslate's default. Default -1
 * @param maxBodyBytes largest request body; a larger one is answered 413. Default 2 MiB
 * @param apiKeys keys a request must carry; {@link ApiKeys#none()} lets every request in
 * @param window how long the batcher waits for more requests before a call ({@link
 *     DynamicBatcher.Settings#window})
 * @param maxQueuedSentences sentences waiting at most before requests are answered 429
 */
public record ServeOptions(
    String host,
    int port,
    int charLimit,
    int maxBodyBytes,
    ApiKeys apiKeys,
    Duration window,
    int maxQueuedSentences) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5000;
  public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

  public ServeOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (charLimit < -1 || charLimit == 0) {
      throw new IllegalArgumentException("char limit must be positive or -1 (none)");
    }
    if (maxBodyBytes < 1 || maxQueuedSentences < 1) {
      throw new IllegalArgumentException("body and queue limits must be positive");
    }
  }

  public static ServeOptions defaults() {
    return new ServeOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        -1,
        DEFAULT_MAX_BODY_BYTES,
        ApiKeys.none(),
        DynamicBatcher.Settings.DEFAULT_WINDOW,
        DynamicBatcher.Settings.DEFAULT_MAX_QUEUED_SENTENCES);
  }

  public ServeOptions withHost(String v) {
    return new ServeOptions(v, port, charLimit, maxBodyBytes, apiKeys, window, maxQueuedSentences);
  }

  public ServeOptions withPort(int v) {
    return new ServeOptions(host, v, charLimit, maxBodyBytes, apiKeys, window, maxQueuedSentences);
  }

  public ServeOptions withCharLimit(int v) {
    return new ServeOptions(host, port, v, maxBodyBytes, apiKeys, window, maxQueuedSentences);
  }

  public ServeOptions withMaxBodyBytes(int v) {
    return new ServeOptions(host, port, charLimit, v, apiKeys, window, maxQueuedSentences);
  }

  public ServeOptions withApiKeys(ApiKeys v) {
    return new ServeOptions(host, port, charLimit, maxBodyBytes, v, window, maxQueuedSentences);
  }

  public ServeOptions withWindow(Duration v) {
    return new ServeOptions(host, port, charLimit, maxBodyBytes, apiKeys, v, maxQueuedSentences);
  }

  public ServeOptions withMaxQueuedSentences(int v) {
    return new ServeOptions(host, port, charLimit, maxBodyBytes, apiKeys, window, v);
  }
}
