package dragoman.cli;

import dragoman.eval.LineFiles;
import dragoman.metric.PythonWhitespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The reference and hypothesis files of {@code eval bleu}, {@code eval chrf} and {@code eval ter}.
 */
final class ScoredFiles {
  static final String STDIN = "-";

  @Option(
      names = {"-r", "--ref"},
      arity = "1..*",
      required = true,
      paramLabel = "REF",
      description =
          "Reference file(s), line-aligned with the hypotheses; plain or gzipped UTF-8, - for"
              + " standard input.")
  List<String> refs;

  @Option(
      names = {"-H", "--hyp", "-i", "--input"},
      arity = "1..*",
      required = true,
      paramLabel = "HYP",
      description =
          "Hypothesis file(s), plain or gzipped, - for standard input. With several, the first is"
              + " the baseline of --paired-bs/--paired-ar; without a test, one line per system.")
  List<String> hyps;

  /** Refuses {@code --sentence} with several systems, and standard input named twice. */
  void check(boolean sentence, boolean paired, CommandLine cli) {
    if (sentence && hyps.size() > 1) {
      throw new CommandLine.ParameterException(cli, "--sentence takes one --hyp file");
    }
    if (sentence && paired) {
      throw new CommandLine.ParameterException(
          cli, "--paired-bs and --paired-ar need corpus scores, not --sentence");
    }
    if (paired && hyps.size() < 2) {
      throw new CommandLine.ParameterException(
          cli, "paired tests need a baseline and at least one more --hyp file");
    }
    long stdin = refs.stream().filter(STDIN::equals).count();
    stdin += hyps.stream().filter(STDIN::equals).count();
    if (stdin > 1) {
      throw new CommandLine.ParameterException(cli, "standard input (-) can be read only once");
    }
  }

  /** The reference streams, one list of lines per reference file. */
  List<List<String>> references(InputStream stdin) throws IOException {
    List<List<String>> references = new ArrayList<>();
    for (String r : refs) {
      references.add(segments(r, stdin));
    }
    return references;
  }

  /** The hypothesis lines, which must be as many as the references'. */
  static List<String> hypothesis(String hyp, int referenceLines, InputStream stdin)
      throws IOException {
    List<String> hypothesis = segments(hyp, stdin);
    if (hypothesis.size() != referenceLines) {
      throw new IllegalArgumentException(
          hyp + " has " + hypothesis.size() + " lines but the references have " + referenceLines);
    }
    return hypothesis;
  }

  /**
   * The segments of a file as sacreBLEU's command line reads them: LF-separated UTF-8, plain or
   * gzipped, each line right-stripped of whitespace.
   */
  static List<String> segments(String name, InputStream stdin) throws IOException {
    List<String> lines;
    if (STDIN.equals(name)) {
      lines = LineFiles.read(stdin, "standard input");
    } else {
      Path file = Path.of(name);
      if (!Files.isRegularFile(file)) {
        throw new IOException(file + ": no such file; check the path");
      }
      lines = LineFiles.read(file);
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(PythonWhitespace.rstrip(l));
    }
    return out;
  }
}
