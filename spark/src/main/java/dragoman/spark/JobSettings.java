package dragoman.spark;

import dragoman.pipeline.RunOptions;
import java.io.Serializable;
import java.util.List;

/**
 * What every task of the job needs to know, sent to the executors: the command line itself, so an
 * executor parses the same flags as the driver ({@link SparkRun#parse}) and no option record has to
 * be serializable, plus the settings the tasks act on.
 *
 * @param args the job's command line, as given to {@link SparkRun}
 * @param jsonlDir the folder to write per-document {@code NAME.jsonl} into (a path every executor
 *     sees: local mode or a shared file system), or null for the Parquet table alone
 * @param acrossDocuments one translation call for the sentences of several documents (see {@link
 *     dragoman.pipeline.DocumentProcessor#processAll}); false translates document by document as
 *     {@code dragoman run} does, with the same {@code mt.logprob} to the last digit
 * @param sentencesPerCall with {@code acrossDocuments}, documents are gathered until they hold this
 *     many sentences
 */
public record JobSettings(
    List<String> args, String jsonlDir, boolean acrossDocuments, int sentencesPerCall)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public JobSettings {
    args = List.copyOf(args);
  }

  /** The run options these arguments give (parsed again on each executor). */
  public RunOptions runOptions() {
    return SparkRun.parse(args).runOptions();
  }
}
