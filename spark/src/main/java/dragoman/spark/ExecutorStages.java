package dragoman.spark;

import dragoman.mt.ModelResolver;
import dragoman.pipeline.RunOptions;
import dragoman.pipeline.Stages;

/**
 * The stages of one executor JVM: one reviewer and one translator, opened by the first task that
 * needs them, shared by every later task (and by the concurrent ones: the stages are thread-safe,
 * as for {@code run --jobs}) and closed when the JVM shuts down. Opening them costs seconds
 * (LanguageTool, the ONNX sessions) and hundreds of MB, so never once per task or per partition.
 *
 * <p>A JVM holds one set: a job with other stage settings closes the previous set first (tests run
 * such jobs one after the other; on a cluster an executor serves one job's settings).
 */
final class ExecutorStages {
  private static String openKey;
  private static Stages open;
  private static int opened;
  private static boolean hooked;

  private ExecutorStages() {}

  /** The stages for these options, opened on first use in this JVM. */
  static synchronized Stages get(RunOptions options) {
    String key = key(options);
    if (open != null && key.equals(openKey)) {
      return open;
    }
    if (open != null) {
      open.close();
      open = null;
    }
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ExecutorStages::closeAll, "dragoman-close-stages"));
      hooked = true;
    }
    open = Stages.open(options, ModelResolver.standard(System.err, false));
    openKey = key;
    opened++;
    return open;
  }

  /** How many times stages were opened in this JVM (the test checks that tasks reuse them). */
  static synchronized int openedCount() {
    return opened;
  }

  private static synchronized void closeAll() {
    if (open != null) {
      open.close();
      open = null;
    }
  }

  /** The options that decide the stages; the inputs and the output folder do not. */
  private static String key(RunOptions o) {
    return "model=" + o.model() + "; generation=" + o.generation() + "; review=" + o.review();
  }
}
