package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
  /**
   * Upper-cases its input, records every call, and holds each call until the test lets it go, so a
   * test decides what is queued while a call runs.
   */
  static final class GatedTranslator implements Translator {
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final Semaphore gate = new Semaphore(0);
    final CountDownLatch firstCall = new CountDownLatch(1);
    volatile boolean fail;

    @Override
    public List<Translation> translate(List<String> sentences) {
      calls.add(List.copyOf(sentences));
      firstCall.countDown();
      gate.acquireUninterruptibly();
      if (fail) {
        throw new IllegalStateException("model broke");
      }
      return sentences.stream()
          .map(s -> new Translation(s.toUpperCase(Locale.ROOT), List.of(), 0, 1))
          .toList();
    }

    @Override
    public String modelName() {
      return "gated";
    }

    @Override
    public void close() {}
  }

  private final GatedTranslator translator = new GatedTranslator();
  private DynamicBatcher batcher;

  /** Tokens are words. */
  private DynamicBatcher batcher(int budget, int maxQueued) {
    batcher =
        new DynamicBatcher(
            translator,
            s -> s.split(" ").length,
            new DynamicBatcher.Settings(Duration.ofMillis(1), budget, maxQueued));
    return batcher;
  }

  @AfterEach
  void close() {
    translator.gate.release(1000);
    if (batcher != null) {
      batcher.close();
    }
  }

  private static List<String> texts(CompletableFuture<List<Translation>> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS).stream().map(Translation::text).toList();
  }

  @Test
  void requestsQueuedDuringACallShareTheNextCall() throws Exception {
    DynamicBatcher b = batcher(100, 100);
    var first = b.submit(List.of("a"));
    translator.firstCall.await(10, TimeUnit.SECONDS);
    var second = b.submit(List.of("b", "c"));
    var third = b.submit(List.of("d"));
    translator.gate.release(2);
    assertThat(texts(first)).containsExactly("A");
    assertThat(texts(second)).containsExactly("B", "C");
    assertThat(texts(third)).containsExactly("D");
    assertThat(translator.calls).containsExactly(List.of("a"), List.of("b", "c", "d"));
    assertThat(b.stats().calls()).isEqualTo(2);
    assertThat(b.stats().requests()).isEqualTo(3);
  }

  @Test
  void aCallTakesRequestsOnlyWhileTheirTokensFitTheBudget() throws Exception {
    DynamicBatcher b = batcher(4, 100);
    var first = b.submit(List.of("x"));
    translator.firstCall.await(10, TimeUnit.SECONDS);
    var twoWords = b.submit(List.of("one two"));
    var threeWords = b.submit(List.of("three four five"));
    var oneWord = b.submit(List.of("six"));
    translator.gate.release(3);
    assertThat(texts(first)).containsExactly("X");
    assertThat(texts(twoWords)).containsExactly("ONE TWO");
    assertThat(texts(threeWords)).containsExactly("THREE FOUR FIVE");
    assertThat(texts(oneWord)).containsExactly("SIX");
    // Arrival order is kept: the three-word request does not fit beside the two-word one.
    assertThat(translator.calls)
        .containsExactly(List.of("x"), List.of("one two"), List.of("three four five", "six"));
  }

  @Test
  void aRequestLargerThanTheBudgetIsACallOfItsOwn() throws Exception {
    DynamicBatcher b = batcher(2, 100);
    translator.gate.release(1);
    var big = b.submit(List.of("a b c d e"));
    assertThat(texts(big)).containsExactly("A B C D E");
    assertThat(translator.calls).containsExactly(List.of("a b c d e"));
  }

  @Test
  void aFullQueueRefusesRequestsAndTakesThemAgainOnceDrained() throws Exception {
    DynamicBatcher b = batcher(100, 2);
    var running = b.submit(List.of("a"));
    translator.firstCall.await(10, TimeUnit.SECONDS);
    var queued = b.submit(List.of("b", "c"));
    assertThatThrownBy(() -> b.submit(List.of("d")))
        .isInstanceOf(DynamicBatcher.QueueFullException.class)
        .hasMessageContaining("2 sentences are waiting");
    translator.gate.release(2);
    assertThat(texts(running)).containsExactly("A");
    assertThat(texts(queued)).containsExactly("B", "C");
    translator.gate.release(1);
    assertThat(texts(b.submit(List.of("d")))).containsExactly("D");
  }

  @Test
  void aCancelledRequestIsNeverTranslated() throws Exception {
    DynamicBatcher b = batcher(100, 100);
    var running = b.submit(List.of("a"));
    translator.firstCall.await(10, TimeUnit.SECONDS);
    var gone = b.submit(List.of("client went away"));
    var kept = b.submit(List.of("kept"));
    gone.cancel(false);
    translator.gate.release(2);
    assertThat(texts(running)).containsExactly("A");
    assertThat(texts(kept)).containsExactly("KEPT");
    assertThat(translator.calls).containsExactly(List.of("a"), List.of("kept"));
    assertThat(b.stats().dropped()).isEqualTo(1);
  }

  @Test
  void aFailingCallFailsEveryRequestInItAndTheBatcherGoesOn() throws Exception {
    DynamicBatcher b = batcher(100, 100);
    translator.fail = true;
    var first = b.submit(List.of("a"));
    translator.gate.release(1);
    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("model broke");
    translator.fail = false;
    translator.gate.release(1);
    assertThat(texts(b.submit(List.of("b")))).containsExactly("B");
  }

  @Test
  void anEmptyRequestCompletesAtOnce() throws Exception {
    assertThat(batcher(10, 10).submit(List.of()).get(1, TimeUnit.SECONDS)).isEmpty();
    assertThat(translator.calls).isEmpty();
  }
}
