package dragoman.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The job: documents listed ({@link DocumentInputs}), each partition through {@link PartitionTask},
 * the rows written as one Parquet table ({@link SegmentTable}) with Spark's commit protocol, which
 * keeps the files of one successful attempt per task: a retried task never duplicates rows, and a
 * job run again over the same output replaces the table of the one that was killed.
 */
final class DocumentJob {
  /** The table's folder under the output. */
  static final String TABLE = "segments.parquet";

  /** How the job went: documents, segment rows, and every error line (listing and documents). */
  record Result(long documents, long segments, List<String> errors) {}

  private DocumentJob() {}

  /**
   * @param inputs folders or files of text, or JSONL / Parquet tables
   * @param out where {@code segments.parquet} goes (any file system Spark writes to)
   * @param partitions partitions for text-file documents
   */
  static Result run(
      SparkSession spark,
      JobSettings settings,
      List<String> inputs,
      List<String> includes,
      String out,
      int partitions,
      PartitionTask.AfterDocument afterDocument) {
    DocumentInputs.Listed listed = DocumentInputs.list(spark, inputs, includes, partitions);
    // Counted by the tasks: Spark applies a task's accumulator updates once, for the attempt that
    // succeeded, so the counts cost no second pass over the table.
    PartitionTask.Counters counters = PartitionTask.Counters.register(spark.sparkContext());
    Dataset<Row> emitted =
        listed
            .documents()
            .mapPartitions(
                new PartitionTask(settings, counters, afterDocument),
                Encoders.row(SegmentTable.EMITTED));
    String table = out.replaceAll("/+$", "") + "/" + TABLE;
    SegmentTable.columns(emitted).write().mode(SaveMode.Overwrite).parquet(table);

    List<String> errors = new ArrayList<>(listed.problems());
    Dataset<Row> failed = spark.read().parquet(table).where(col("error").isNotNull());
    for (Row r : failed.select("error").collectAsList()) {
      errors.add(r.getString(0));
    }
    return new Result(counters.documents().value(), counters.segments().value(), errors);
  }
}
