package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.align.Bead;
import dragoman.export.SegmentRecord;
import dragoman.export.SegmentRecordReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the pipeline uses an aligner's beads with a counterpart NAME.en.txt: the English of each bead
 * becomes the German records' English, each record carries its bead, and our translation is handed
 * to the aligner. The beads here are given by the test, not searched.
 */
class CounterpartAlignmentTest {
  @TempDir Path tmp;

  @Test
  void beadsLinkGermanRecordsToTheCounterpartsSentences() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Erster Satz. Zweiter Satz.\nDritter Satz.\n");
    Files.writeString(in.resolve("a.en.txt"), "First and second sentence.\nThird sentence.\n");
    List<List<String>> seen = new ArrayList<>();
    AlignmentStage given =
        new AlignmentStage() {
          @Override
          public String name() {
            return "given beads";
          }

          @Override
          public List<Bead> align(
              List<String> source, List<String> target, List<String> sourceTranslation) {
            seen.add(source);
            seen.add(target);
            seen.add(sourceTranslation);
            return List.of(
                new Bead(List.of(0, 1), List.of(0), 0.25), new Bead(List.of(2), List.of(1), 0.5));
          }
        };
    Path out = tmp.resolve("out");
    RunOptions o =
        new RunOptions(
            List.of(in.toString()),
            List.of("*.txt"),
            out,
            1,
            false,
            null,
            dragoman.mt.GenerationOptions.defaults().withOffline(true),
            dragoman.review.ReviewOptions.defaults(),
            false);
    PipelineRun.Summary s =
        new PipelineRun(
                o,
                Stages.of(Optional.empty(), Optional.of(new EchoTranslation()), Optional.of(given)),
                new PrintStream(PrintStream.nullOutputStream()))
            .run();
    assertThat(s.outcomes()).singleElement().extracting(PipelineRun.Outcome::doc).isEqualTo("a");

    assertThat(seen.get(0)).containsExactly("Erster Satz.", "Zweiter Satz.", "Dritter Satz.");
    assertThat(seen.get(1)).containsExactly("First and second sentence.", "Third sentence.");
    assertThat(seen.get(2))
        .containsExactly("[en] Erster Satz.", "[en] Zweiter Satz.", "[en] Dritter Satz.");

    List<SegmentRecord> rs = new SegmentRecordReader().read(out.resolve("a.jsonl"));
    assertThat(rs)
        .extracting(SegmentRecord::en)
        .containsExactly(
            "First and second sentence.", "First and second sentence.", "Third sentence.");
    assertThat(rs).allSatisfy(r -> assertThat(r.mt()).isNull());
    assertThat(rs.get(1).align().bead()).isZero();
    assertThat(rs.get(1).align().source()).containsExactly(0, 1);
    assertThat(rs.get(2).align().target()).containsExactly(1);
    assertThat(rs.get(2).align().cost()).isEqualTo(0.5);
    // One TMX unit per bead.
    assertThat(Files.readString(out.resolve("a.tmx")).split("<tu ", -1)).hasSize(3);
  }
}
