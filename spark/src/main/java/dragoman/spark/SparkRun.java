package dragoman.spark;

import dragoman.cli.GenerationFlags;
import dragoman.mt.GenerationOptions;
import dragoman.pipeline.RunOptions;
import dragoman.pipeline.Stages;
import dragoman.review.GermanVariant;
import dragoman.review.ReviewOptions;
import dragoman.text.InputCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dragoman run} as a Spark job: the same flags, the same records. Started by {@code
 * spark/run-local} on one machine or by {@code spark-submit --class dragoman.spark.SparkRun} with
 * the shaded jar on a cluster.
 */
@Command(
    name = "dragoman-spark",
    mixinStandardHelpOptions = true,
    description = {
      "The run pipeline as a Spark job: segment, review, translate (when a model is found) and"
          + " align every document, one reviewer and one translator per executor JVM.",
      "Inputs: folders or files of text as `dragoman run` reads them (NAME.en.txt is the English"
          + " counterpart of NAME.txt; the executors read them, so on a cluster they must be on a"
          + " shared file system), or JSONL / Parquet tables of documents {id, de, en?} (by"
          + " extension: .jsonl, .json, .parquet; any file system Spark reads).",
      "Writes OUT/segments.parquet: one row per segment with the JSONL record's fields as columns,"
          + " and one row with `doc` and `error` per document that failed. With --jsonl, also"
          + " OUT/NAME.jsonl per document, byte for byte what `dragoman run` writes.",
      "Exit codes: 0 every document done, 1 some failed (the others were done), 2 usage error."
    })
public final class SparkRun implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Folders or files of German text, or .jsonl / .parquet tables.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Which files in folders to read (repeatable; default: ${DEFAULT-VALUE}).")
  List<String> includes = new ArrayList<>(InputCollector.DEFAULT_INCLUDES);

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "OUT",
      description = "Output folder: a path or a URI Spark writes to (hdfs://, s3a://, ...).")
  String out;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[2] (default: the one spark-submit gives, else local[--jobs]).")
  String master;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Without --master: local[N], N documents at once (default: as `run`).")
  Integer jobs;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Partitions of the text-file documents (default: 4 per core of the job; tables keep"
              + " Spark's splits).")
  Integer partitions;

  @Option(
      names = "--jsonl",
      description =
          "Also write OUT/NAME.jsonl per document (OUT must be a folder every executor sees).")
  boolean jsonl;

  @Option(
      names = "--batch-across-documents",
      paramLabel = "SENTENCES",
      arity = "0..1",
      fallbackValue = "256",
      description =
          "Translate the sentences of several documents of a partition together (length-sorted"
              + " batches across documents, faster for short documents) until they hold"
              + " SENTENCES (default ${FALLBACK-VALUE}). Records are `run`'s except mt.logprob's"
              + " last digits, which depend on the batch.")
  Integer acrossDocuments;

  @Mixin GenerationFlags generation;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description = "Review: flag segments scoring at least P (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ReviewOptions.DEFAULT_THRESHOLD)
  double threshold;

  @Option(
      names = "--variant",
      paramLabel = "de-DE|de-AT|de-CH",
      description = "Review: German standard to check against (default: ${DEFAULT-VALUE}).",
      defaultValue = "de-DE")
  String variant;

  @Option(names = "--no-progress", description = "No Spark progress bar.")
  boolean noProgress;

  @Option(names = "--verbose", description = "Stack traces on unexpected errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private List<String> args = List.of();

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command; returns the exit code. */
  static int execute(String... args) {
    SparkRun command = new SparkRun();
    command.args = List.of(args);
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("dragoman-spark: " + oneLine(e));
          if (command.verbose) {
            e.printStackTrace(line.getErr());
          }
          return 1;
        });
    return cl.execute(args);
  }

  /** The command with these arguments parsed, not run (what each executor does). */
  static SparkRun parse(List<String> args) {
    SparkRun command = new SparkRun();
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    command.args = List.copyOf(args);
    return command;
  }

  /** What {@code run} would be given: only the stage settings matter to the executors. */
  RunOptions runOptions() {
    ReviewOptions review =
        ReviewOptions.defaults()
            .withThreshold(threshold)
            .withVariant(GermanVariant.fromCode(variant));
    GenerationOptions translation = generation.options();
    return new RunOptions(
        inputs,
        includes,
        Path.of(out.replaceFirst("^file:", "")),
        1,
        false,
        generation.model(),
        translation,
        review,
        false);
  }

  @Override
  public Integer call() {
    RunOptions options;
    try {
      options = runOptions();
      if (jobs != null && jobs < 1) {
        throw new IllegalArgumentException("--jobs must be at least 1");
      }
      if (partitions != null && partitions < 1) {
        throw new IllegalArgumentException("--partitions must be at least 1");
      }
      if (acrossDocuments != null && acrossDocuments < 1) {
        throw new IllegalArgumentException("--batch-across-documents must be at least 1");
      }
      if (jsonl && out.contains("://") && !out.startsWith("file:")) {
        throw new IllegalArgumentException(
            "--jsonl writes OUT/NAME.jsonl on the executors' file system; give a local or shared"
                + " path for --out, or leave --jsonl out and read OUT/segments.parquet");
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    long t0 = System.nanoTime();
    SparkSession.Builder builder = SparkSession.builder().appName("dragoman");
    String m = master;
    if (m == null && System.getProperty("spark.master") == null) {
      m = "local[" + (jobs == null ? RunOptions.defaultJobs() : jobs) + "]";
    }
    if (m != null) {
      builder.master(m);
    }
    if (noProgress) {
      builder.config("spark.ui.showConsoleProgress", "false");
    }
    // A session that is already running (a notebook's, a test's) is used and left running.
    boolean existing =
        SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = builder.getOrCreate();
    try {
      String localOut = out.replaceFirst("^file:", "");
      if (isLocal(spark)) {
        // The driver is the only executor: open its stages now, so their notices (translation
        // skipped, and why) are shown here and the start-up cost is paid before the job.
        Stages stages = ExecutorStages.get(options);
        for (String notice : stages.notices()) {
          System.err.println("dragoman-spark: " + notice);
        }
      }
      double started = seconds(t0);
      System.err.printf(Locale.ROOT, "dragoman-spark: started in %.1f s%n", started);
      int n =
          partitions != null
              ? partitions
              : Math.max(1, 4 * spark.sparkContext().defaultParallelism());
      JobSettings settings =
          new JobSettings(
              args,
              jsonl ? localOut : null,
              acrossDocuments != null,
              acrossDocuments == null ? 0 : acrossDocuments);
      if (jsonl) {
        java.nio.file.Files.createDirectories(Path.of(localOut));
      }
      DocumentJob.Result result =
          DocumentJob.run(spark, settings, inputs, includes, out, n, (p, a, d) -> {});
      for (String e : result.errors()) {
        System.err.println("dragoman-spark: " + e);
      }
      double took = seconds(t0) - started;
      System.err.printf(
          Locale.ROOT,
          "dragoman-spark: %d documents, %d segments, %d failed; job %.1f s (%.1f segments/s)"
              + " after a start of %.1f s; table at %s/%s%n",
          result.documents(),
          result.segments(),
          result.errors().size(),
          took,
          result.segments() / Math.max(took, 1e-9),
          started,
          out.replaceAll("/+$", ""),
          DocumentJob.TABLE);
      return result.errors().isEmpty() ? 0 : 1;
    } catch (java.io.IOException e) {
      System.err.println("dragoman-spark: " + out + ": " + e.getMessage());
      return 1;
    } finally {
      if (!existing) {
        spark.stop();
      }
    }
  }

  private static boolean isLocal(SparkSession spark) {
    return spark.sparkContext().master().startsWith("local");
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m.lines().findFirst().orElse(m);
  }
}
