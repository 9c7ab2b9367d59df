package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.export.SegmentRecord;
import dragoman.export.SegmentRecordReader;
import dragoman.export.XmlValidation;
import dragoman.io.Sha256;
import dragoman.mt.ModelPuller;
import dragoman.mt.ModelResolver;
import dragoman.review.SegmentReview;
import dragoman.text.Document;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private RunOptions options(Path in, Path out) {
    return new RunOptions(
        List.of(in.toString()),
        List.of("*.txt"),
        out,
        2,
        false,
        null,
        dragoman.mt.GenerationOptions.defaults().withOffline(true),
        dragoman.review.ReviewOptions.defaults(),
        false);
  }

  private Stages noModelStages(RunOptions o) {
    return Stages.open(
        o,
        new ModelResolver(
            Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
            tmp.resolve("cwd"),
            new ModelPuller(ModelPuller.HUB, System.err, false)));
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void seedsWithoutAModelGiveEveryOutputAndSayTranslationWasSkipped() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    RunOptions o = options(in, out);
    PipelineRun.Summary summary;
    try (Stages stages = noModelStages(o)) {
      summary = new PipelineRun(o, stages, err).run();
    }
    assertThat(summary.exitCode()).isZero();
    // Sentence counts from corpus/README.md: 43, 40, 22.
    assertThat(summary.outcomes())
        .extracting(PipelineRun.Outcome::doc, PipelineRun.Outcome::segments)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("000_e18c1f390b05e017", 43),
            org.assertj.core.groups.Tuple.tuple("001_3509b7d76f1efd1d", 40),
            org.assertj.core.groups.Tuple.tuple("004_6de4123e443d2e83", 22));
    long skippedLines = err().lines().filter(l -> l.contains("translation skipped")).count();
    assertThat(skippedLines).isEqualTo(1);
    assertThat(err()).contains("dragoman model pull opus-mt-de-en");
    for (String n : Seeds.NAMES) {
      assertThat(out.resolve(n + ".jsonl")).isRegularFile();
      assertThat(XmlValidation.tmxErrors(Files.readAllBytes(out.resolve(n + ".tmx")))).isEmpty();
      // XLIFF 1.2 by default, what CAT tools import first; Okapi's own filter reads it.
      byte[] xlf = Files.readAllBytes(out.resolve(n + ".xlf"));
      assertThat(XmlValidation.xliff12Errors(xlf)).isEmpty();
      assertThat(XmlValidation.okapiXliff12Units(xlf)).isPositive();
      assertThat(RunManifest.path(out, n)).isRegularFile();
    }
    assertThat(out.resolve("index.html")).isRegularFile();
    List<SegmentRecord> first =
        new SegmentRecordReader().read(out.resolve(Seeds.NAMES.get(0) + ".jsonl"));
    assertThat(first.get(1).de()).startsWith("Daher ist es leicht, den 1. November abzutun");
    assertThat(first).allSatisfy(r -> assertThat(r.en()).isNull());
    assertThat(first).allSatisfy(r -> assertThat(r.review()).isNotNull());
    // The spliced link text of the seed's second sentence is flagged by the real reviewer.
    assertThat(first.get(1).review().flag()).isTrue();
  }

  @Test
  void englishCounterpartsAreNotDocuments() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Files.writeString(in.resolve(Seeds.NAMES.get(2) + ".en.txt"), "An English counterpart.\n");
    Path out = tmp.resolve("out");
    RunOptions o = options(in, out);
    PipelineRun.Summary summary;
    try (Stages stages = noModelStages(o)) {
      summary = new PipelineRun(o, stages, err).run();
    }
    assertThat(summary.outcomes())
        .extracting(PipelineRun.Outcome::doc)
        .containsExactlyElementsOf(Seeds.NAMES);
    assertThat(out.resolve(Seeds.NAMES.get(2) + ".en.jsonl")).doesNotExist();
    // The counterpart is aligned: its German document's records carry their beads.
    assertThat(err()).doesNotContain("alignment skipped");
    assertThat(Files.readString(out.resolve(Seeds.NAMES.get(2) + ".jsonl"))).contains("\"align\"");
  }

  @Test
  void noAlignmentNoticeWithoutCounterparts() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    RunOptions o = options(in, tmp.resolve("out"));
    try (Stages stages = noModelStages(o)) {
      new PipelineRun(o, stages, err).run();
    }
    assertThat(err()).doesNotContain("alignment skipped");
  }

  @Test
  void resumeSkipsUnchangedDocumentsAndRedoesChangedOrDamagedOnes() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    RunOptions o = options(in, out);
    Stages stages =
        Stages.of(
            Optional.of(new PhraseReview("versprechen Die Aussage")),
            Optional.empty(),
            Optional.empty());
    new PipelineRun(o, stages, err).run();
    Map<String, byte[]> before = Seeds.files(out);

    PipelineRun.Summary again = new PipelineRun(o.withResume(true), stages, err).run();
    assertThat(again.outcomes())
        .extracting(PipelineRun.Outcome::status)
        .containsOnly(PipelineRun.Status.RESUMED);
    assertThat(again.outcomes().get(0).flagged()).isEqualTo(1);
    assertSameFiles(Seeds.files(out), before);

    Files.writeString(in.resolve(Seeds.NAMES.get(1) + ".txt"), "Ein neuer Satz.\n");
    Files.write(out.resolve(Seeds.NAMES.get(2) + ".tmx"), new byte[] {'<'});
    PipelineRun.Summary third = new PipelineRun(o.withResume(true), stages, err).run();
    assertThat(third.outcomes())
        .extracting(PipelineRun.Outcome::status)
        .containsExactly(
            PipelineRun.Status.RESUMED, PipelineRun.Status.DONE, PipelineRun.Status.DONE);
    assertThat(third.outcomes().get(1).segments()).isEqualTo(1);
    assertThat(Files.readAllBytes(out.resolve(Seeds.NAMES.get(2) + ".tmx")))
        .isEqualTo(before.get(Seeds.NAMES.get(2) + ".tmx"));
  }

  @Test
  void changedStagesAreNotResumed() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    RunOptions o = options(in, out);
    new PipelineRun(o, Stages.of(Optional.empty(), Optional.empty(), Optional.empty()), err).run();
    Stages reviewed =
        Stages.of(Optional.of(new PhraseReview("Nordkorea")), Optional.empty(), Optional.empty());
    PipelineRun.Summary s = new PipelineRun(o.withResume(true), reviewed, err).run();
    assertThat(s.outcomes())
        .extracting(PipelineRun.Outcome::status)
        .containsOnly(PipelineRun.Status.DONE);
  }

  @Test
  void aCrashInOneDocumentThenResumeGivesTheSameOutputsAsOneCleanRun() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path clean = tmp.resolve("clean");
    Path crashed = tmp.resolve("crashed");
    PhraseReview review = new PhraseReview("versprechen Die Aussage");
    new PipelineRun(
            options(in, clean),
            Stages.of(Optional.of(review), Optional.empty(), Optional.empty()),
            err)
        .run();

    AtomicInteger calls = new AtomicInteger();
    ReviewStage crashing =
        new ReviewStage() {
          @Override
          public String name() {
            return review.name(); // the same stage, as far as resume can tell
          }

          @Override
          public List<SegmentReview> review(Document document) {
            calls.incrementAndGet();
            if (document.id().equals(Seeds.NAMES.get(1))) {
              throw new IllegalStateException("simulated crash");
            }
            return review.review(document);
          }
        };
    PipelineRun.Summary broken =
        new PipelineRun(
                options(in, crashed).withJobs(1),
                Stages.of(Optional.of(crashing), Optional.empty(), Optional.empty()),
                err)
            .run();
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(err()).contains("simulated crash");
    assertThat(RunManifest.path(crashed, Seeds.NAMES.get(1))).doesNotExist();

    calls.set(0);
    Stages fixed = Stages.of(Optional.of(review), Optional.empty(), Optional.empty());
    PipelineRun.Summary resumed =
        new PipelineRun(options(in, crashed).withResume(true), fixed, err).run();
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.outcomes())
        .extracting(PipelineRun.Outcome::status)
        .containsExactly(
            PipelineRun.Status.RESUMED, PipelineRun.Status.DONE, PipelineRun.Status.RESUMED);
    assertSameFiles(Seeds.files(crashed), Seeds.files(clean));
  }

  @Test
  void aBadInputIsOneLineAndTheOthersAreDone() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Path out = tmp.resolve("out");
    PipelineRun.Summary s =
        new PipelineRun(
                options(in, out),
                Stages.of(Optional.empty(), Optional.empty(), Optional.empty()),
                err)
            .run();
    assertThat(s.exitCode()).isEqualTo(1);
    assertThat(s.outcomes()).filteredOn(x -> x.status() == PipelineRun.Status.DONE).hasSize(3);
    assertThat(err().lines().filter(l -> l.contains("empty.txt")))
        .singleElement()
        .asString()
        .contains("empty file");
    assertThat(out.resolve("index.html")).isRegularFile();
  }

  @Test
  void staleTemporaryFilesOfAKilledRunAreRemoved() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve(".a.tmx.123.part"), "half");
    Files.writeString(out.resolve("keep.part"), "not ours");
    PipelineRun.removeStaleParts(out);
    assertThat(out.resolve(".a.tmx.123.part")).doesNotExist();
    assertThat(out.resolve("keep.part")).exists();
  }

  @Test
  void theViewerHoldsEveryDocument() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    new PipelineRun(
            options(in, out), Stages.of(Optional.empty(), Optional.empty(), Optional.empty()), err)
        .run();
    String html = Files.readString(out.resolve("index.html"));
    for (String n : Seeds.NAMES) {
      assertThat(html).contains("\"id\":\"" + n + "\"");
    }
  }

  static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(hashes(actual)).isEqualTo(hashes(expected));
  }

  private static Map<String, String> hashes(Map<String, byte[]> files) {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put(k, Sha256.of(v)));
    return out;
  }

  /**
   * An unreadable input is one line: its path once and the reason. Tests may run as root, for whom
   * a file without read permission is still readable; then a file that even root may not open
   * (/proc/1/mem without the right to trace process 1) is the unreadable input. Which reason to
   * expect comes from trying to open it here.
   */
  @Test
  void anUnreadableInputIsItsPathOnceAndTheReason() throws Exception {
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Path locked = in.resolve("locked.txt");
    Files.writeString(locked, "Ein Satz.\n");
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    Path unreadable = locked;
    if (Files.isReadable(locked)) {
      unreadable = Path.of("/proc/1/mem");
    }
    String expected;
    try (var stream = Files.newInputStream(unreadable)) {
      stream.read();
      expected = null; // opened and read: the test below would be meaningless
    } catch (java.nio.file.AccessDeniedException e) {
      expected = "cannot read: permission denied";
    } catch (java.io.IOException e) {
      expected = "cannot read: ";
    }
    assertThat(expected).as("%s is unreadable here", unreadable).isNotNull();
    RunOptions o =
        new RunOptions(
            List.of(in.toString(), unreadable.toString()),
            List.of("*.txt"),
            tmp.resolve("out"),
            1,
            false,
            null,
            dragoman.mt.GenerationOptions.defaults().withOffline(true),
            dragoman.review.ReviewOptions.defaults(),
            false);
    PipelineRun.Summary s =
        new PipelineRun(o, Stages.of(Optional.empty(), Optional.empty(), Optional.empty()), err)
            .run();
    assertThat(s.exitCode()).isEqualTo(1);
    String name = unreadable.toString();
    List<String> lines = err().lines().filter(l -> l.contains(name)).toList();
    assertThat(lines).singleElement().asString().contains(expected);
    assertThat(lines.get(0).indexOf(name)).isEqualTo(lines.get(0).lastIndexOf(name));
    Files.setPosixFilePermissions(
        locked, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }
}
