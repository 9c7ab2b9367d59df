package dragoman.mt.marian;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtSession;
import dragoman.mt.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * One ONNX graph loaded once through DJL's ONNX Runtime engine and run many times. Inputs are given
 * by name; only those the graph declares are fed (DJL's ONNX block wants exactly its inputs), and
 * outputs are read by name.
 */
final class OnnxSession implements AutoCloseable {
  private final Path file;
  private final Model model;
  private final Set<String> inputs;
  private final ParameterStore parameters;
  private final LongAdder runNanos = new LongAdder();

  private OnnxSession(Path file, Model model, Set<String> inputs) {
    this.file = file;
    this.model = model;
    this.inputs = inputs;
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  static OnnxSession load(Path file, OrtSession.SessionOptions options) throws ModelException {
    // CPU explicitly: on a machine with a GPU, DJL's default device would make it ask the CPU-only
    // ONNX Runtime package for the CUDA provider, and loading would fail.
    Model model = Model.newInstance(file.getFileName().toString(), Device.cpu(), "OnnxRuntime");
    try {
      model.load(file, null, Map.of("sessionOptions", options));
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      throw new ModelException(
          file.toString(),
          "not a valid ONNX model (truncated or corrupt? fetch it again): "
              + why.lines().findFirst().orElse(""),
          e);
    }
    Set<String> names = new TreeSet<>(model.getBlock().describeInput().keys());
    return new OnnxSession(file, model, names);
  }

  Path file() {
    return file;
  }

  Set<String> inputNames() {
    return inputs;
  }

  /** Fails with one line naming the file when an input the caller needs is not declared. */
  void requireInputs(Collection<String> needed) throws ModelException {
    List<String> missing = new ArrayList<>();
    for (String n : needed) {
      if (!inputs.contains(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      throw new ModelException(
          file,
          "wrong input names: expected "
              + String.join(", ", missing)
              + " (the graph has "
              + String.join(", ", inputs)
              + "); export it with Optimum (text2text-generation-with-past)");
    }
  }

  /**
   * Runs the graph. {@code available} maps input names to arrays; those the graph declares are fed.
   * The outputs belong to the manager of {@code input_ids}.
   */
  NDList run(Map<String, NDArray> available) {
    NDList feed = new NDList();
    // DJL attaches the outputs to the manager of the first array fed: input_ids, which callers
    // create in a per-step scratch manager.
    List<String> order = new ArrayList<>(inputs);
    if (order.remove("input_ids")) {
      order.add(0, "input_ids");
    }
    for (String name : order) {
      NDArray a = available.get(name);
      if (a == null) {
        throw new IllegalStateException(file + ": no value for input " + name);
      }
      a.setName(name);
      feed.add(a);
    }
    long start = System.nanoTime();
    try {
      return model.getBlock().forward(parameters, feed, false);
    } finally {
      runNanos.add(System.nanoTime() - start);
    }
  }

  /**
   * Nanoseconds spent in {@link #run} inside the graph call (ONNX Runtime's session run plus DJL's
   * wrapping of inputs and outputs, which does not copy tensor data), summed over all threads.
   */
  long runNanos() {
    return runNanos.sum();
  }

  /** An output by name, or a one-line error naming the file. */
  NDArray output(NDList outputs, String name) {
    NDArray a = outputs.get(name);
    if (a == null) {
      throw new IllegalStateException(
          new ModelException(file, "wrong output names: no output " + name).oneLine());
    }
    return a;
  }

  @Override
  public void close() {
    model.close();
  }
}
