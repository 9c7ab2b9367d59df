package dragoman.serve;

/**
 * A request the server answers with {@code {"error": message}} and an HTTP status, as
 * LibreTranslate does ({@code abort(status, description=...)} in its {@code app.py}).
 */
final class ApiError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError missing(String name) {
    return new ApiError(400, "Invalid request: missing " + name + " parameter");
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }
}
