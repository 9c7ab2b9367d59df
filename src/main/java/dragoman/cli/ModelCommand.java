package dragoman.cli;

import dragoman.mt.ModelException;
import dragoman.mt.ModelManifest;
import dragoman.mt.ModelPuller;
import dragoman.mt.ModelResolver;
import dragoman.mt.marian.ModelVerifier;
import dragoman.mt.marian.SentencePieceConverter;
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

    @Override
    public Integer call() {
      ModelManifest manifest = ModelManifest.known(name);
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

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Checks a model directory (files, configs, tokenizer size, hashes of a pulled model,"
              + " ONNX input names, a one-sentence translation); one line per problem.")
  static final class Verify implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The model directory.")
    Path dir;

    @Option(names = "--quantized", description = "Check the int8 files instead of fp32.")
    boolean quantized;

    @Override
    public Integer call() {
      List<String> problems = ModelVerifier.verify(dir, quantized);
      problems.forEach(p -> System.err.println("dragoman model verify: " + p));
      if (problems.isEmpty()) {
        System.out.println(dir + ": ok");
        return ExitCode.OK.code();
      }
      return FAILED;
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
