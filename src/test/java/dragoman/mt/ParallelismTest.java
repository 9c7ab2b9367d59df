package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParallelismTest {
  private static final RuntimeOptions AUTO = RuntimeOptions.defaults();

  @Test
  void byDefaultTwoWorkersShareTheCores() {
    assertThat(Parallelism.of(AUTO, 2)).isEqualTo(new Parallelism(2, 1));
    assertThat(Parallelism.of(AUTO, 16)).isEqualTo(new Parallelism(2, 8));
    assertThat(Parallelism.of(AUTO, 3)).isEqualTo(new Parallelism(2, 1));
  }

  @Test
  void oneCoreGetsOneWorker() {
    assertThat(Parallelism.of(AUTO, 1)).isEqualTo(new Parallelism(1, 1));
    assertThat(Parallelism.of(AUTO, 0)).isEqualTo(new Parallelism(1, 1));
  }

  @Test
  void anExplicitThreadCountGoesToOneWorkerUnlessWorkersAreGivenToo() {
    assertThat(Parallelism.of(AUTO.withThreads(4), 16)).isEqualTo(new Parallelism(1, 4));
    assertThat(Parallelism.of(AUTO.withThreads(2).withBatchWorkers(3), 16))
        .isEqualTo(new Parallelism(3, 2));
    assertThat(Parallelism.of(AUTO.withBatchWorkers(4), 16)).isEqualTo(new Parallelism(4, 4));
    assertThat(Parallelism.of(AUTO.withBatchWorkers(1), 2)).isEqualTo(new Parallelism(1, 2));
  }
}
