package dragoman.cli;

import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.marian.MarianTranslator;
import dragoman.pipeline.ExitCode;
import dragoman.serve.ApiKeys;
import dragoman.serve.ServeOptions;
import dragoman.serve.TranslationServer;
import dragoman.text.BadInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "A local translation and review server that speaks LibreTranslate's HTTP API: POST"
          + " /translate (q, source de|auto, target en, format text|html, api_key), POST /detect,"
          + " GET /languages; and Dragoman's own POST /review, POST /align, GET /health.",
      "Concurrent requests share the model's batches; the model's defaults are those of"
          + " `dragoman translate`, so a sentence gets the same English from both. Binds to"
          + " loopback unless --host says otherwise. Runs until interrupted (Ctrl-C)."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it"
              + " to the network).",
      defaultValue = ServeOptions.DEFAULT_HOST)
  String host;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ServeOptions.DEFAULT_PORT)
  int port;

  @Option(
      names = "--api-keys",
      paramLabel = "FILE",
      description =
          "Accept only requests carrying one of these keys (api_key), one key a line; # starts a"
              + " comment.")
  Path apiKeys;

  @Option(
      names = "--char-limit",
      paramLabel = "N",
      description =
          "Most characters in one text of a request; longer ones are refused with 400 (default:"
              + " no limit, as LibreTranslate).")
  Integer charLimit;

  @Option(
      names = "--max-queued",
      paramLabel = "N",
      description =
          "Sentences waiting for the model at most; past it requests are answered 429 (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "4096")
  int maxQueued;

  @Mixin GenerationFlags generation;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    ServeOptions options;
    GenerationOptions generationOptions;
    try {
      options = ServeOptions.defaults().withHost(host).withPort(port);
      if (charLimit != null) {
        options = options.withCharLimit(charLimit);
      }
      options = options.withMaxQueuedSentences(maxQueued);
      generationOptions = generation.options();
    } catch (IllegalArgumentException e) {
      err.println("dragoman serve: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    if (apiKeys != null) {
      try {
        options = options.withApiKeys(ApiKeys.read(apiKeys));
      } catch (BadInputException e) {
        err.println("dragoman serve: " + e.oneLine());
        return ExitCode.USAGE.code();
      }
    }
    MarianTranslator translator;
    try {
      translator =
          MarianTranslator.open(
              ModelResolver.standard(err, Terminal.stderrIsTerminal()),
              generation.model,
              generationOptions);
    } catch (ModelException e) {
      err.println("dragoman serve: " + e.oneLine());
      return ExitCode.SOME_FAILED.code();
    }
    try (translator;
        TranslationServer server =
            TranslationServer.start(
                options, TranslationServer.Engine.of(translator, generationOptions))) {
      err.println(
          "dragoman serve: "
              + translator.modelName()
              + " listening on "
              + server.uri()
              + (options.apiKeys().required() ? " (API keys required)" : ""));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
      server.join();
      return ExitCode.OK.code();
    } catch (IOException e) {
      err.println("dragoman serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return ExitCode.SOME_FAILED.code();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK.code();
    }
  }
}
