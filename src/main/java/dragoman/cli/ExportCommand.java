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
      "Re-exports saved JSONL results (from run, review, translate or align) as the HTML viewer,"
          + " TMX 1.4b, XLIFF 2.1 or TSV (German<TAB>English).",
      "Writes to standard output unless --out names a file."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Saved segment records.")
  Path input;

  @Option(
      names = "--format",
      required = true,
      description = "html, tmx, xliff or tsv.",
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
      String name = input.getFileName().toString();
      String fallback = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
      docs = SegmentRecordReader.byDocument(new SegmentRecordReader().read(input), fallback);
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
