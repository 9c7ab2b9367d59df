package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: killing {@code dragoman run} in the middle (SIGKILL, in a separate JVM) and running
 * it again with {@code --resume} gives the same files as one uninterrupted run.
 */
class KillAndResumeTest {
  static final int DOCUMENTS = 9;

  @TempDir Path tmp;

  @Test
  void killedRunResumedGivesTheSameOutputsAsOneUninterruptedRun() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    // Enough documents that the run is still going when the first ones are finished.
    for (int i = 0; i < DOCUMENTS; i++) {
      String seed = Seeds.NAMES.get(i % Seeds.NAMES.size());
      String text = Files.readString(Path.of("corpus", seed + ".txt"));
      Files.writeString(in.resolve(String.format("doc%02d.txt", i)), text);
    }
    Path clean = tmp.resolve("clean");
    assertThat(
            Main.execute(
                "run", in.toString(), "--out", clean.toString(), "--jobs", "1", "--offline"))
        .isZero();

    Path killed = tmp.resolve("killed");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dragoman.cli.Main",
                "run",
                in.toString(),
                "--out",
                killed.toString(),
                "--jobs",
                "1",
                "--offline",
                "--no-progress")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("killed.log").toFile())
            .start();
    int finished = 0;
    // Not a timing bound: the wait ends as soon as two documents are done, however slow the
    // machine; the deadline only stops a run that never gets there.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (p.isAlive() && System.nanoTime() < deadline) {
      finished = manifests(killed);
      if (finished >= 2) {
        break;
      }
      Thread.sleep(5);
    }
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int atKill = manifests(killed);
    assertThat(atKill)
        .as(
            "the run was killed in the middle (log: %s)",
            Files.readString(tmp.resolve("killed.log")))
        .isGreaterThanOrEqualTo(2)
        .isLessThan(DOCUMENTS);
    assertThat(killed.resolve("index.html")).doesNotExist();

    assertThat(
            Main.execute(
                "run",
                in.toString(),
                "--out",
                killed.toString(),
                "--jobs",
                "1",
                "--resume",
                "--offline"))
        .isZero();
    PipelineRunTest.assertSameFiles(Seeds.files(killed), Seeds.files(clean));
  }

  private static int manifests(Path out) throws IOException {
    Path dir = out.resolve(".dragoman");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(f -> f.getFileName().toString().endsWith(".manifest.json")).forEach(found::add);
    }
    return found.size();
  }
}
