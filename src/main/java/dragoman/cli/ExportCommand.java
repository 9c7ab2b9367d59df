package dragoman.cli;

import dragoman.export.ExportDocument;
import dragoman.export.ExportFormat;
import dragoman.export.SegmentRecordReader;
import dragoman.io.AtomicFile;
import dragoman.pipeline.ExitCode;
import dragoman.pipeline.PipelineRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Re-exports saved JSONL results as the HTML viewer, TMX 1.4b, XLIFF 2.1 (xliff), XLIFF 1.2"
          + " (xliff12) or TSV"
          + " (German<TAB>English): segment records from run, segment, review or translate, or the"
          + " beads of align --format jsonl (each bead with German sentences is one segment, id"
          + " DOC#bN; beads with no German sentence are left out, with a notice).",
      "Writes to standard output unless --out names a file."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE.jsonl",
      description = "Segment records or alignment beads, one JSON object a line.")
  Path input;

  @Option(
      names = "--format",
      required = true,
      description = "html, tmx, xliff (2.1), xliff12 (1.2) or tsv.",
      paramLabel = "FORMAT")
  ExportFormat format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  Path out;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    if (!Files.isRegularFile(input)) {
      err.println("dragoman export: " + input + ": no such file; give a JSONL file from run");
      return ExitCode.SOME_FAILED.code();
    }
    List<ExportDocument> docs;
    try {
      SegmentRecordReader.Loaded loaded = new SegmentRecordReader().load(input);
      if (loaded.beadsWithoutGerman() > 0) {
        err.println(
            "dragoman export: notice: "
                + input
                + ": "
                + loaded.beadsWithoutGerman()
                + " alignment beads with no German sentence (0-1) left out");
      }
      docs = SegmentRecordReader.byDocument(loaded.records(), SegmentRecordReader.docOf(input));
    } catch (SegmentRecordReader.BadRecordException | NoSuchFileException e) {
      err.println("dragoman export: " + e.getMessage());
      return ExitCode.SOME_FAILED.code();
    }
    if (out == null) {
      format.write(docs, PipelineRun.TITLE, List.of(), System.out);
      System.out.flush();
    } else {
      AtomicFile.write(out, os -> format.write(docs, PipelineRun.TITLE, List.of(), os));
    }
    return ExitCode.OK.code();
  }
}
