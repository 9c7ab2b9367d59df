package dragoman.cli;

import dragoman.mt.ModelException;
import dragoman.mt.ModelManifest;
import dragoman.mt.ModelPuller;
import dragoman.mt.ModelResolver;
import dragoman.mt.marian.MarianTokenizer;
import dragoman.mt.marian.ModelVerifier;
import dragoman.mt.marian.SentencePieceConverter;
import dragoman.mt.marian.TokenizerComparison;
import dragoman.pipeline.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Gets and checks translation models (pull, verify, list, convert).",
    subcommands = {
      ModelCommand.Pull.class,
      ModelCommand.Verify.class,
      ModelCommand.ListModels.class,
      ModelCommand.Convert.class
    })
final class ModelCommand implements Runnable {
  static final int FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: pull, verify, list or convert");
  }

  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description = {
        "Downloads a model from the Hugging Face hub into the user cache"
            + " ($XDG_CACHE_HOME/dragoman/models, default ~/.cache/dragoman/models), resuming"
            + " an interrupted download and checking sizes and SHA-256.",
        "Known models: opus-mt-de-en (Xenova/opus-mt-de-en)."
      })
  static final class Pull implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The model, e.g. opus-mt-de-en.")
    String name;

    @Option(names = "--quantized", description = "Also fetch the int8 *_quantized.onnx files.")
    boolean quantized;

    @Option(names = "--offline", description = "Refuse to download (reports what is cached).")
    boolean offline;

    @Option(
        names = "--revision",
        paramLabel = "REV",
        description =
            "A commit hash (or branch) of the hub repository to fetch instead of the pinned one;"
                + " dragoman-manifest.json records the commit the hub served.")
    String revision;

    @Override
    public Integer call() {
      ModelManifest manifest = ModelManifest.known(name);
      if (manifest != null && revision != null) {
        if (revision.isBlank()) {
          System.err.println("dragoman model pull: --revision needs a commit hash or branch");
          return ExitCode.USAGE.code();
        }
        manifest = manifest.withRevision(revision);
      }
      if (manifest == null) {
        System.err.println(
            "dragoman model pull: unknown model "
                + name
                + " (known: "
                + String.join(", ", ModelManifest.known())
                + ")");
        return ExitCode.USAGE.code();
      }
      Path target = ModelResolver.cacheRoot(System.getenv()).resolve(name);
      String had = recordedRevision(target);
      if (revision != null && had != null && !had.equals(revision)) {
        System.err.println(
            "dragoman model pull: "
                + target
                + " holds commit "
                + had
                + ", not "
                + revision
                + ": remove that directory to pull another revision");
        return FAILED;
      }
      boolean complete =
          manifest.selected(quantized).stream()
              .allMatch(f -> Files.isRegularFile(target.resolve(f.path())));
      if (complete) {
        System.out.println(target);
        return ExitCode.OK.code();
      }
      if (offline) {
        System.err.println(
            "dragoman model pull: " + target + ": not in the cache and --offline forbids pulling");
        return FAILED;
      }
      try {
        Path got =
            new ModelPuller(ModelPuller.HUB, System.err, Terminal.stderrIsTerminal())
                .pull(manifest, target, quantized);
        System.out.println(got);
        return ExitCode.OK.code();
      } catch (ModelException e) {
        System.err.println("dragoman model pull: " + e.oneLine());
        return FAILED;
      }
    }
  }

  /** The commit a pulled directory's record names, or null. */
  private static String recordedRevision(Path target) {
    Path record = target.resolve(ModelManifest.RECORD);
    if (!Files.isRegularFile(record)) {
      return null;
    }
    try {
      return ModelManifest.read(record).revision();
    } catch (IOException e) {
      return null;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks a model directory (files, configs, tokenizer size, hashes of a pulled model,"
            + " ONNX input names, a one-sentence translation); one line per problem, and says"
            + " which tokenizer translation will use.",
        "With --tokenizer: encodes a built-in German sample with both tokenizer.json and"
            + " source.spm + vocab.json (SentencePiece, what the model was trained with) and"
            + " prints how many sentences differ, with the first differences; exit code 1 when"
            + " any differ."
      })
  static final class Verify implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The model directory.")
    Path dir;

    @Option(names = "--quantized", description = "Check the int8 files instead of fp32.")
    boolean quantized;

    @Option(
        names = "--tokenizer",
        description =
            "Only compare tokenizer.json with source.spm + vocab.json on the built-in sample.")
    boolean tokenizer;

    @Option(
        names = "--show",
        paramLabel = "N",
        defaultValue = "5",
        description = "With --tokenizer: how many differing sentences to print (default: 5).")
    int show;

    @Override
    public Integer call() {
      if (tokenizer) {
        return compareTokenizers();
      }
      List<String> problems = ModelVerifier.verify(dir, quantized);
      problems.forEach(p -> System.err.println("dragoman model verify: " + p));
      if (problems.isEmpty()) {
        MarianTokenizer.Kind kind = MarianTokenizer.kindFor(dir);
        System.out.println(dir + ": ok; tokenizer: " + kind.description());
        return ExitCode.OK.code();
      }
      return FAILED;
    }

    private int compareTokenizers() {
      TokenizerComparison result;
      try {
        result = TokenizerComparison.compare(dir, TokenizerComparison.builtInSample());
      } catch (ModelException e) {
        System.err.println("dragoman model verify: " + e.oneLine());
        return FAILED;
      }
      int n = result.differences().size();
      if (n == 0) {
        System.out.println(
            dir
                + ": tokenizer.json and source.spm + vocab.json give the same ids for all "
                + result.sentences()
                + " sample sentences");
        return ExitCode.OK.code();
      }
      System.out.println(
          dir
              + ": "
              + n
              + " of "
              + result.sentences()
              + " sample sentences differ between tokenizer.json and source.spm + vocab.json"
              + " (translation uses the .spm files)");
      for (TokenizerComparison.Difference d : result.differences().stream().limit(show).toList()) {
        int at = d.firstMismatch();
        System.out.println("  " + quoted(d.text()) + " (from token " + at + ")");
        System.out.println("    source.spm:     " + around(d.sentencePiece(), at));
        System.out.println("    tokenizer.json: " + around(d.tokenizerJson(), at));
      }
      return FAILED;
    }

    private static String quoted(String text) {
      String t = text.length() > 80 ? text.substring(0, 77) + "..." : text;
      return "\"" + t.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static String around(List<String> pieces, int at) {
      int from = Math.max(0, at - 2);
      int to = Math.min(pieces.size(), at + 6);
      String shown = String.join(" ", pieces.subList(Math.min(from, to), to));
      return (from > 0 ? "... " : "") + shown + (to < pieces.size() ? " ..." : "");
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the models in models/ and the user cache, and those pull knows.")
  static final class ListModels implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      Path cache = ModelResolver.cacheRoot(System.getenv());
      for (Path root : List.of(Path.of("models"), cache)) {
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> dirs = Files.list(root)) {
          for (Path d : dirs.sorted().toList()) {
            if (Files.isRegularFile(d.resolve("config.json"))) {
              System.out.println(d.getFileName() + "\t" + d.toAbsolutePath());
            }
          }
        }
      }
      for (String name : ModelManifest.known()) {
        if (!Files.isRegularFile(cache.resolve(name).resolve("config.json"))) {
          System.out.println(name + "\t(not pulled: dragoman model pull " + name + ")");
        }
      }
      return ExitCode.OK.code();
    }
  }

  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      description =
          "Writes tokenizer.json (and tokenizer_config.json) for an export that has only"
              + " source.spm, target.spm and vocab.json.")
  static final class Convert implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The model directory.")
    Path dir;

    @Option(names = "--force", description = "Replace an existing tokenizer.json.")
    boolean force;

    @Override
    public Integer call() {
      try {
        System.out.println(SentencePieceConverter.convert(dir, force));
        return ExitCode.OK.code();
      } catch (ModelException e) {
        System.err.println("dragoman model convert: " + e.oneLine());
        return FAILED;
      }
    }
  }
}
