package dragoman.pipeline;

import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.InputSource;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Runs one action per input document and keeps going when an input is bad: each problem becomes one
 * line on the error stream naming the file, and the outcome says whether anything failed.
 */
public final class DocumentBatch {
  /** What to do with one document that was read and segmented. */
  @FunctionalInterface
  public interface Action {
    void accept(InputSource source, DocumentReader.Result document)
        throws IOException, BadInputException;
  }

  /** How a batch went: documents done and inputs that failed. */
  public record Outcome(int done, int failed) {
    public int exitCode() {
      return ExitCode.forFailures(failed).code();
    }
  }

  private final DocumentReader reader;
  private final PrintStream err;
  private final String program;

  public DocumentBatch(DocumentReader reader, PrintStream err, String program) {
    this.reader = reader;
    this.err = err;
    this.program = program;
  }

  public Outcome run(InputCollector.Collected inputs, Action action) {
    int failed = 0;
    int done = 0;
    for (BadInputException problem : inputs.problems()) {
      report(problem.oneLine());
      failed++;
    }
    for (InputSource source : inputs.sources()) {
      try {
        DocumentReader.Result doc = reader.read(source);
        doc.notice().ifPresent(n -> err.println(program + ": notice: " + n));
        action.accept(source, doc);
        done++;
      } catch (BadInputException e) {
        report(e.oneLine());
        failed++;
      } catch (IOException e) {
        report(source.displayName() + ": " + e.getMessage());
        failed++;
      }
    }
    return new Outcome(done, failed);
  }

  private void report(String line) {
    err.println(program + ": " + line);
  }
}
