package dragoman.spark;

import dragoman.export.ExportDocument;
import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.io.AtomicFile;
import dragoman.pipeline.DocumentProcessor;
import dragoman.pipeline.RunOptions;
import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.InputSource;
import dragoman.text.Language;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * One partition of documents through the core's {@link DocumentProcessor}, with this executor's
 * stages ({@link ExecutorStages}): each document read as {@code dragoman run} reads it, its records
 * emitted as rows ({@link SegmentTable}) and, on request, written to {@code NAME.jsonl} with the
 * core's {@link JsonlWriter}, byte for byte what {@code run} writes. A bad document is an error row
 * and the partition goes on.
 *
 * <p>A retried task redoes its partition from the start: its rows replace those of the failed
 * attempt (Spark commits one attempt's output files), and each {@code NAME.jsonl} is written whole
 * to a temporary file and moved into place, so the second writing replaces the first.
 */
final class PartitionTask implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Called after each document; tests use it to kill a task in the middle of a partition. */
  @FunctionalInterface
  interface AfterDocument extends Serializable {
    void after(int partition, int attempt, int documentInPartition);
  }

  /** Documents done and their segment rows, summed over the successful task attempts. */
  record Counters(LongAccumulator documents, LongAccumulator segments) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Counters register(SparkContext sc) {
      return new Counters(
          sc.longAccumulator("dragoman documents"), sc.longAccumulator("dragoman segments"));
    }
  }

  private final JobSettings settings;
  private final Counters counters;
  private final AfterDocument afterDocument;

  PartitionTask(JobSettings settings, Counters counters, AfterDocument afterDocument) {
    this.settings = settings;
    this.counters = counters;
    this.afterDocument = afterDocument;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> documents) {
    RunOptions options = settings.runOptions();
    DocumentProcessor processor = new DocumentProcessor(ExecutorStages.get(options));
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    int attempt = task == null ? 0 : task.attemptNumber();
    List<Row> out = new ArrayList<>();
    List<DocumentProcessor.Input> gathered = new ArrayList<>();
    int gatheredSentences = 0;
    int n = 0;
    while (documents.hasNext()) {
      Row row = documents.next();
      String id = row.getAs("id");
      DocumentProcessor.Input in = null;
      try {
        in = read(row);
      } catch (BadInputException e) {
        out.add(SegmentTable.error(id, e.oneLine()));
      } catch (IOException e) {
        out.add(SegmentTable.error(id, name(row) + ": " + e.getMessage()));
      } catch (RuntimeException e) {
        out.add(SegmentTable.error(id, name(row) + ": " + e));
      }
      if (in != null && settings.acrossDocuments()) {
        gathered.add(in);
        gatheredSentences += in.german().document().segments().size();
        if (gatheredSentences >= settings.sentencesPerCall()) {
          processTogether(processor, gathered, out);
          gathered.clear();
          gatheredSentences = 0;
        }
      } else if (in != null) {
        processOne(processor, in, out);
      }
      afterDocument.after(partition, attempt, n++);
    }
    processTogether(processor, gathered, out);
    return out.iterator();
  }

  /** The German text and counterpart of a row, read and segmented as {@code run} reads them. */
  private static DocumentProcessor.Input read(Row row) throws IOException, BadInputException {
    String id = row.getAs("id");
    if (id == null || id.isBlank()) {
      throw new BadInputException(name(row), "the document has no id");
    }
    String path = row.getAs("path");
    byte[] bytes;
    InputSource source;
    DocumentProcessor.Counterpart counterpart = null;
    if (path != null) {
      source = new InputSource(id, Path.of(path));
      bytes = source.readBytes(DocumentReader.DEFAULT_MAX_BYTES);
      String enPath = row.getAs("en_path");
      if (enPath != null) {
        counterpart =
            new DocumentProcessor.Counterpart(enPath, Files.readAllBytes(Path.of(enPath)));
      }
    } else {
      String de = row.getAs("de");
      source = new InputSource(id, Path.of(id));
      if (de == null) {
        throw new BadInputException(id, "the row has no German text (de)");
      }
      bytes = de.getBytes(StandardCharsets.UTF_8);
      String en = row.getAs("en");
      if (en != null) {
        counterpart =
            new DocumentProcessor.Counterpart(id + ".en", en.getBytes(StandardCharsets.UTF_8));
      }
    }
    DocumentReader.Result german = new DocumentReader(Language.GERMAN).read(source, bytes);
    german.notice().ifPresent(m -> System.err.println("dragoman-spark: notice: " + m));
    return new DocumentProcessor.Input(source, german, counterpart);
  }

  private void processOne(DocumentProcessor processor, DocumentProcessor.Input in, List<Row> out) {
    try {
      emit(processor.process(in.source(), in.german(), in.counterpart()), out);
    } catch (BadInputException e) {
      out.add(SegmentTable.error(in.source().docId(), e.oneLine()));
    } catch (IOException e) {
      out.add(
          SegmentTable.error(
              in.source().docId(), in.source().displayName() + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      out.add(SegmentTable.error(in.source().docId(), in.source().displayName() + ": " + e));
    }
  }

  /**
   * The gathered documents in one translation call; when that fails, each alone, so only the
   * document that fails becomes an error row.
   */
  private void processTogether(
      DocumentProcessor processor, List<DocumentProcessor.Input> gathered, List<Row> out) {
    if (gathered.isEmpty()) {
      return;
    }
    List<ExportDocument> done;
    try {
      done = processor.processAll(gathered);
    } catch (BadInputException | RuntimeException e) {
      for (DocumentProcessor.Input in : gathered) {
        processOne(processor, in, out);
      }
      return;
    }
    for (int i = 0; i < done.size(); i++) {
      DocumentProcessor.Input in = gathered.get(i);
      try {
        emit(done.get(i), out);
      } catch (IOException e) {
        out.add(
            SegmentTable.error(
                in.source().docId(), in.source().displayName() + ": " + e.getMessage()));
      }
    }
  }

  private void emit(ExportDocument doc, List<Row> out) throws IOException {
    if (settings.jsonlDir() != null) {
      AtomicFile.write(
          Path.of(settings.jsonlDir()).resolve(doc.id() + ".jsonl"),
          os -> {
            JsonlWriter w = new JsonlWriter(os);
            for (SegmentRecord r : doc.records()) {
              w.write(r);
            }
            w.close();
          });
    }
    for (SegmentRecord r : doc.records()) {
      out.add(SegmentTable.segment(r));
    }
    counters.documents().add(1);
    counters.segments().add(doc.records().size());
  }

  private static String name(Row row) {
    String path = row.getAs("path");
    String id = row.getAs("id");
    return path != null ? path : id != null ? id : "(a row without id)";
  }
}
