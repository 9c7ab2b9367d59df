package dragoman.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dragoman.pipeline.PipelineRun;
import dragoman.text.BadInputException;
import dragoman.text.InputCollector;
import dragoman.text.InputSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The job's documents, one row each: either text files listed as {@code dragoman run} lists them
 * (same includes, {@code NAME.en.txt} counterparts, same ids, duplicates refused) and read by the
 * executors from a path they all see, or the rows of JSONL / Parquet tables {@code {id, de, en?}}
 * read by Spark from any file system it knows.
 */
final class DocumentInputs {
  private DocumentInputs() {}

  /**
   * A document: {@code path} (and {@code en_path}) for a text file, or {@code de} (and {@code en})
   * for a table row.
   */
  static final StructType SCHEMA =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("path", DataTypes.StringType, true),
            DataTypes.createStructField("en_path", DataTypes.StringType, true),
            DataTypes.createStructField("de", DataTypes.StringType, true),
            DataTypes.createStructField("en", DataTypes.StringType, true)
          });

  /** The documents, and the inputs that never became one (one line each, as {@code run} says). */
  record Listed(Dataset<Row> documents, long files, List<String> problems) {}

  /** Is this input a table rather than text files? By its extension. */
  static boolean isTable(String input) {
    String n = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    return n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".parquet");
  }

  /**
   * @param partitions partitions for the text files (a table keeps Spark's splits)
   */
  static Listed list(
      SparkSession spark, List<String> inputs, List<String> includes, int partitions) {
    List<String> texts = inputs.stream().filter(i -> !isTable(i)).toList();
    List<String> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    if (!texts.isEmpty()) {
      InputCollector.Collected collected = new InputCollector(includes).collect(texts);
      for (BadInputException p : collected.problems()) {
        problems.add(p.oneLine());
      }
      for (InputSource s : PipelineRun.documents(collected.sources(), problems)) {
        if (s.isStdin()) {
          problems.add("stdin: the Spark job reads files and tables, not standard input");
          continue;
        }
        Path counterpart = PipelineRun.counterpartOf(s);
        rows.add(
            RowFactory.create(
                s.docId(),
                s.path().toString(),
                counterpart == null ? null : counterpart.toString(),
                null,
                null));
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // parallelize slices the list in order: the same documents always land in the same partition.
    Dataset<Row> docs =
        spark.createDataFrame(
            jsc.parallelize(rows, Math.max(1, Math.min(partitions, rows.size()))), SCHEMA);
    for (String table : inputs.stream().filter(DocumentInputs::isTable).toList()) {
      docs = docs.unionByName(table(spark, table));
    }
    return new Listed(docs, rows.size(), problems);
  }

  /** A JSONL or Parquet table as documents; {@code en} is optional. */
  private static Dataset<Row> table(SparkSession spark, String path) {
    boolean parquet = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet");
    Dataset<Row> t = parquet ? spark.read().parquet(path) : spark.read().json(path);
    List<String> have = Arrays.asList(t.columns());
    for (String needed : List.of("id", "de")) {
      if (!have.contains(needed)) {
        throw new IllegalArgumentException(
            path + ": the table has no column \"" + needed + "\"; documents are {id, de, en?}");
      }
    }
    Column en = have.contains("en") ? col("en").cast("string") : lit(null).cast("string");
    return t.select(
        col("id").cast("string").as("id"),
        lit(null).cast("string").as("path"),
        lit(null).cast("string").as("en_path"),
        col("de").cast("string").as("de"),
        en.as("en"));
  }
}
