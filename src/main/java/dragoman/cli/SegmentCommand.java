package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.ExitCode;
import dragoman.pipeline.FileInputs;
import dragoman.pipeline.OutputRouter;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    description = {
      "Splits documents into paragraphs (one per line of input) and sentences.",
      "Writes JSONL records {id, doc, start, end, de} (offsets are UTF-16 indices into the"
          + " normalised text) or one sentence a line."
    })
final class SegmentCommand implements Callable<Integer> {
  enum Format {
    jsonl,
    txt
  }

  @Mixin InputOptions input;

  @Option(
      names = "--format",
      description = "jsonl or txt (one sentence a line).",
      defaultValue = "jsonl")
  Format format;

  @Option(
      names = "--lang",
      description = "Language of the text: de or en (default: ${DEFAULT-VALUE}).",
      defaultValue = "de",
      converter = LanguageConverter.class)
  Language language;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "PATH",
      description = "Write to this file (one input) or folder (several); default standard output.")
  Path out;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    FileInputs.Split split;
    try {
      split = input.split();
    } catch (IllegalArgumentException e) {
      System.err.println("dragoman segment: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    InputCollector.Collected inputs = split.text();
    PrintStream stdout = System.out;
    OutputRouter router =
        new OutputRouter(
            out, inputs.sources().size() + split.files().size() > 1, "." + format.name(), stdout);
    DocumentBatch batch = new DocumentBatch(new DocumentReader(language), System.err, "dragoman");
    DocumentBatch.Outcome outcome =
        batch.run(
            inputs,
            (source, doc) ->
                router.write(source.docId(), os -> write(doc.document().segments(), os)));
    // A translator's file: the sentences of its source side, as translate and run see them.
    DocumentBatch.Outcome files =
        FileInputs.run(
            split.files(),
            System.err,
            "dragoman",
            (source, fileFormat, doc) ->
                router.write(source.docId(), os -> write(doc.document().segments(), os)));
    return ExitCode.forFailures(outcome.failed() + files.failed()).code();
  }

  private void write(List<Segment> segments, OutputStream os) throws IOException {
    if (format == Format.jsonl) {
      JsonlWriter w = new JsonlWriter(os);
      for (Segment s : segments) {
        w.write(SegmentRecord.of(s));
      }
      w.close();
    } else {
      for (Segment s : segments) {
        os.write((s.text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
