package dragoman.mt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
  @Test
  void sortsLongestFirstAndFillsBatchesUpToTheTokenBudget() {
    // Sorted: #1 (10), #3 (10), #2 (5), #0 (3), #4 (2). [#1, #3] costs 2 * 10 = 20; adding #2
    // would cost 30. [#2, #0, #4] costs 3 * 5 = 15.
    List<int[]> batches = BatchPlanner.plan(new int[] {3, 10, 5, 10, 2}, 20, 1);
    assertThat(batches).containsExactly(new int[] {1, 3}, new int[] {2, 0, 4});
  }

  @Test
  void beamsMultiplyTheRowsAnInputTakes() {
    List<int[]> batches = BatchPlanner.plan(new int[] {3, 10, 5, 10, 2}, 20, 2);
    assertThat(batches)
        .containsExactly(new int[] {1}, new int[] {3}, new int[] {2, 0}, new int[] {4});
  }

  @Test
  void anInputLongerThanTheBudgetIsABatchOfItsOwn() {
    assertThat(BatchPlanner.plan(new int[] {50, 1, 1}, 10, 1))
        .containsExactly(new int[] {0}, new int[] {1, 2});
  }

  @Test
  void workersGetBatchesDealtFromGroupsOfTheirJointBudget() {
    // Sorted: #1 (9), #3 (7), #2 (5), #0 (3), #4 (2). Two workers, budget 20: groups of 40 tokens,
    // [#1, #3, #2, #0] (4 * 9 = 36) and [#4], dealt as cards.
    assertThat(BatchPlanner.plan(new int[] {3, 9, 5, 7, 2}, 20, 1, 2))
        .containsExactly(new int[] {1, 2}, new int[] {3, 0}, new int[] {4});
    // More workers than inputs: one input each.
    assertThat(BatchPlanner.plan(new int[] {3, 9}, 100, 1, 4))
        .containsExactly(new int[] {1}, new int[] {0});
    assertThat(BatchPlanner.plan(new int[] {4}, 100, 1, 2)).containsExactly(new int[] {0});
  }
}
