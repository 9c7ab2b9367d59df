package dragoman.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output table: one row per German segment with the fields of {@code dragoman run}'s
 * JSONL record ({@link SegmentRecord}) as columns, the nested ones as structs and the findings as
 * an array of structs, plus {@code error}: a document that failed is one row with its {@code doc}
 * and the one-line message {@code run} prints, every other column null.
 *
 * <p>Tasks emit each record as the JSON line {@code run} writes (the core's {@link JsonlWriter}
 * mapper), and Spark parses those lines into the columns: the columns cannot drift from the JSONL,
 * and a double goes through its shortest decimal form, which parses back to the same value.
 */
final class SegmentTable {
  private SegmentTable() {}

  /**
   * What a task emits: the document, its record as a JSON line (or null) and an error (or null).
   */
  static final StructType EMITTED =
      new StructType(
          new StructField[] {
            field("doc", DataTypes.StringType),
            field("json", DataTypes.StringType),
            field("error", DataTypes.StringType)
          });

  private static final StructType FINDING =
      struct(
          field("detector", DataTypes.StringType),
          field("rule", DataTypes.StringType),
          field("start", DataTypes.IntegerType),
          field("end", DataTypes.IntegerType),
          field("message", DataTypes.StringType),
          field("suggestion", DataTypes.StringType),
          field("severity", DataTypes.StringType));

  /** The JSONL record's fields, in its order ({@link SegmentRecord}'s JSON property order). */
  static final StructType RECORD =
      struct(
          field("id", DataTypes.StringType),
          field("doc", DataTypes.StringType),
          field("start", DataTypes.IntegerType),
          field("end", DataTypes.IntegerType),
          field("de", DataTypes.StringType),
          field("en", DataTypes.StringType),
          field(
              "mt",
              struct(
                  field("model", DataTypes.StringType),
                  field("logprob", DataTypes.DoubleType),
                  field("parts", DataTypes.IntegerType))),
          field(
              "review",
              struct(
                  field("score", DataTypes.DoubleType),
                  field("flag", DataTypes.BooleanType),
                  field("kind", DataTypes.StringType),
                  field("findings", DataTypes.createArrayType(FINDING, false)),
                  field(
                      "signals",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false)))),
          field(
              "align",
              struct(
                  field("bead", DataTypes.IntegerType),
                  field("source", DataTypes.createArrayType(DataTypes.IntegerType, false)),
                  field("target", DataTypes.createArrayType(DataTypes.IntegerType, false)),
                  field("cost", DataTypes.DoubleType))));

  /** The emitted rows as the table: the record's columns, then {@code error}. */
  static Dataset<Row> columns(Dataset<Row> emitted) {
    // FAILFAST: a line the schema does not fit is a bug here, not a null row in the table.
    Column record = from_json(col("json"), RECORD, Map.of("mode", "FAILFAST")).as("r");
    return emitted.select(record, col("error")).select(col("r.*"), col("error"));
  }

  static Row segment(SegmentRecord r) {
    return RowFactory.create(r.doc(), json(r), null);
  }

  /** An error row: the document and the message, as the record {@code {"doc": ...}}. */
  static Row error(String doc, String message) {
    ObjectNode node = JsonlWriter.mapper().createObjectNode();
    node.put("doc", doc);
    return RowFactory.create(doc, node.toString(), message);
  }

  /** The record as {@code run} writes it in {@code NAME.jsonl} (without the newline). */
  static String json(Object record) {
    try {
      return JsonlWriter.mapper().writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructType struct(StructField... fields) {
    return DataTypes.createStructType(fields);
  }
}
