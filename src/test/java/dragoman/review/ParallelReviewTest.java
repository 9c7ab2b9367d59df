package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import dragoman.text.Document;
import dragoman.text.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several workers review a document's segments at once; the reviews are those of one worker. */
class ParallelReviewTest {
  @Test
  void twoWorkersGiveTheSameReviewsAsOne() throws Exception {
    // A real article of 43 segments: LanguageTool, the learned detector and the document's noun
    // counts all contribute.
    Document doc =
        Shared.document(Files.readString(Path.of("corpus/000_e18c1f390b05e017.txt")).strip());
    List<SegmentReview> one = Shared.reviewer().review(doc);
    List<SegmentReview> two;
    try (Reviewer parallel =
        new Reviewer(ReviewOptions.defaults(), ReviewModel.load(), List.of(), 2)) {
      assertThat(parallel.workers()).isEqualTo(2);
      two = parallel.review(doc);
    }
    List<String> detectors =
        one.stream().flatMap(r -> r.findings().stream()).map(Finding::detector).toList();
    assertThat(detectors).contains(GrammarDetector.ID, SpanDetector.ID, ReviewRules.STRUCTURE);
    assertThat(two).isEqualTo(one);
  }

  @Test
  void reviewsReachTheSinkInOrderWithFewSegmentsInFlight() throws Exception {
    CountingDetector counting = new CountingDetector();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append("Der Hund Nummer ").append(i).append(" schläft im Garten. ");
    }
    Document doc = Shared.document(text.toString().strip());
    List<Integer> seenAtSink = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    try (Reviewer reviewer =
        new Reviewer(
            ReviewOptions.defaults().withGrammar(false).withLearned(false),
            ReviewModel.load(),
            List.of(counting),
            2)) {
      reviewer.review(
          doc,
          Map.of(),
          (segment, review) -> {
            synchronized (counting) {
              seenAtSink.add(counting.seen);
            }
            ids.add(segment.id());
            threads.add(Thread.currentThread().getName());
          });
    }
    assertThat(ids).isEqualTo(doc.segments().stream().map(Segment::id).toList());
    assertThat(ids.size()).isGreaterThan(2 * 2 * Reviewer.WINDOW_PER_WORKER);
    int window = 2 * Reviewer.WINDOW_PER_WORKER;
    for (int i = 0; i < seenAtSink.size(); i++) {
      // Segment i is done when it reaches the sink, and no more than the window after it has been
      // started: a long document is never reviewed far ahead of what has been written.
      assertThat(seenAtSink.get(i)).as("segment %d", i).isBetween(i + 1, i + 1 + window);
    }
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void concurrentWorkersAnalyseEachSegmentOnce() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Die Katze Nummer ").append(i).append(" jagt eine Maus im Keller. ");
    }
    Document doc = Shared.document(text.toString().strip());
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    ThreadLocal<GermanAnalyzer> analyzers =
        ThreadLocal.withInitial(() -> new GermanAnalyzer(GermanVariant.DE_DE));
    DocumentContext context =
        new DocumentContext(
            doc,
            GermanVariant.DE_DE,
            s -> {
              calls.computeIfAbsent(s.id(), k -> new AtomicInteger()).incrementAndGet();
              return analyzers.get().analyze(s.text(), s.start());
            },
            Map.of());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread thread = new Thread(context::analyzeAll);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(calls).hasSize(40);
    assertThat(calls.values()).allMatch(c -> c.get() == 1);
    Segment last = doc.segments().get(39);
    assertThat(context.tokens(last))
        .isEqualTo(Shared.analyzer().analyze(last.text(), last.start()));
    assertThat(calls.get(last.id()).get()).isEqualTo(1);
  }
}
