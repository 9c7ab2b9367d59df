package dragoman.cli;

import dragoman.export.JsonlWriter;
import dragoman.export.SegmentRecord;
import dragoman.pipeline.DocumentBatch;
import dragoman.pipeline.OutputRouter;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.Language;
import dragoman.text.Segment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    InputCollector.Collected inputs = input.collect();
    PrintStream stdout = System.out;
    OutputRouter router =
        new OutputRouter(out, inputs.sources().size() > 1, "." + format.name(), stdout);
    DocumentBatch batch = new DocumentBatch(new DocumentReader(language), System.err, "dragoman");
    DocumentBatch.Outcome outcome =
        batch.run(
            inputs,
            (source, doc) ->
                router.write(
                    source.docId(),
                    os -> {
                      if (format == Format.jsonl) {
                        JsonlWriter w = new JsonlWriter(os);
                        for (Segment s : doc.document().segments()) {
                          w.write(SegmentRecord.of(s));
                        }
                        w.close();
                      } else {
                        for (Segment s : doc.document().segments()) {
                          os.write((s.text() + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                      }
                    }));
    return outcome.exitCode();
  }
}
