package dragoman.cli;

import dragoman.export.ExportFormat;
import dragoman.formats.FileFormat;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelResolver;
import dragoman.pipeline.FileOptions;
import dragoman.pipeline.PipelineRun;
import dragoman.pipeline.RunOptions;
import dragoman.pipeline.Stages;
import dragoman.pipeline.SummaryTable;
import dragoman.review.GermanVariant;
import dragoman.review.ReviewOptions;
import dragoman.text.InputCollector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "The whole pipeline per document: segment, review, translate, align, export.",
      "Writes OUT/<doc>.jsonl, OUT/<doc>.tmx (TMX 1.4b), OUT/<doc>.xlf (XLIFF 1.2, or 2.1 with"
          + " --xliff 2.1) and OUT/index.html (the viewer); prints a summary table on stderr. An"
          + " English counterpart NAME.en.txt next to NAME.txt is aligned with it; it is not a"
          + " document.",
      "A translator's file (XLIFF, TMX, HTML, DOCX, ODT, PO, Markdown) also comes back in its"
          + " own format as OUT/<doc>.en.<ext>: English targets, inline codes in place, XLIFF"
          + " states and review notes."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR|FILE",
      description = "German documents: folders (searched recursively) or files.")
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
      description = "Output folder (created if missing).")
  Path out;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Documents processed at once (default: up to 4, one per processor).")
  Integer jobs;

  @Option(
      names = "--resume",
      description =
          "Skip documents whose outputs are complete and whose input, counterpart and stages have"
              + " not changed since they were written.")
  boolean resume;

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

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "Read every input as this format: xliff12, xliff2, tmx, html, docx, odt, po or markdown"
              + " (default: by extension; .txt and unknown extensions are plain text). Folders are"
              + " then searched for that format's extensions.")
  String inputFormat;

  @Option(
      names = "--xliff",
      paramLabel = "1.2|2.1",
      description = "The XLIFF version of OUT/<doc>.xlf (default: ${DEFAULT-VALUE}).",
      defaultValue = "1.2")
  String xliff;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Mixin VerboseOption verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    int j = jobs == null ? RunOptions.defaultJobs() : jobs;
    if (j < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
    }
    ReviewOptions review;
    GenerationOptions translation;
    try {
      review =
          ReviewOptions.defaults()
              .withThreshold(threshold)
              .withVariant(GermanVariant.fromCode(variant));
      translation = generation.options();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    FileOptions fileOptions;
    try {
      ExportFormat xliffFormat =
          switch (xliff) {
            case "1.2" -> ExportFormat.xliff12;
            case "2.1", "2" -> ExportFormat.xliff;
            default ->
                throw new IllegalArgumentException("--xliff must be 1.2 or 2.1, not " + xliff);
          };
      fileOptions =
          new FileOptions(inputFormat == null ? null : FileFormat.parse(inputFormat), xliffFormat);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    RunOptions options =
        new RunOptions(
            inputs,
            includes,
            out,
            j,
            resume,
            generation.model,
            translation,
            review,
            !noProgress && System.console() != null);
    PrintStream err = System.err;
    boolean bar = options.progress();
    try (Stages stages = Stages.open(options, ModelResolver.standard(err, bar))) {
      PipelineRun.Summary summary = new PipelineRun(options, stages, err, fileOptions).run();
      err.print(SummaryTable.format(summary));
      err.println("dragoman run: viewer at " + out.resolve(PipelineRun.VIEWER));
      return summary.exitCode();
    }
  }
}
