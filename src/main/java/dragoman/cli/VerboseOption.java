package dragoman.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, declared once for every command: {@link ErrorHandler} then prints the stack
 * trace of an unexpected error after its one-line message.
 */
final class VerboseOption {
  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;
}
