package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {
  private static final RuntimeOptions AUTO = RuntimeOptions.defaults();

  @Test
  void theAutomaticBatchBudgetDependsOnTheSearchAndAGivenOneIsKept() {
    assertThat(AUTO.batchTokens(1)).isEqualTo(2048);
    assertThat(AUTO.batchTokens(4)).isEqualTo(4096);
    assertThat(AUTO.withMaxBatchTokens(300).batchTokens(4)).isEqualTo(300);
  }
}
