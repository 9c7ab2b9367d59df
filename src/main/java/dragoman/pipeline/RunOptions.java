package dragoman.pipeline;

import dragoman.mt.GenerationOptions;
import dragoman.review.ReviewOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@code dragoman run}, one flat value; the CLI maps flags onto it.
 *
 * @param inputs files and folders to read (folders are searched for {@code includes})
 * @param includes globs for files in folders (default {@code *.txt}); {@code *.en.txt} files are
 *     English counterparts, never documents
 * @param out the output folder
 * @param jobs documents processed at once (default: up to 4, at most the number of processors)
 * @param resume skip documents whose outputs are complete and whose input and stages are unchanged
 * @param model the model directory, or null to look where {@link dragoman.mt.ModelResolver} does
 * @param generation translation settings (beam, threads, quantized, offline)
 * @param review review settings (threshold, German variant, grammar checks)
 * @param progress show a progress bar (only meaningful on a terminal)
 */
public record RunOptions(
    List<String> inputs,
    List<String> includes,
    Path out,
    int jobs,
    boolean resume,
    Path model,
    GenerationOptions generation,
    ReviewOptions review,
    boolean progress) {
  public RunOptions {
    inputs = List.copyOf(inputs);
    includes = List.copyOf(includes);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  public static int defaultJobs() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public RunOptions withResume(boolean r) {
    return new RunOptions(inputs, includes, out, jobs, r, model, generation, review, progress);
  }

  public RunOptions withJobs(int j) {
    return new RunOptions(inputs, includes, out, j, resume, model, generation, review, progress);
  }
}
