package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tagger's mistakes the rule must see through, reproduced by retagging one token. */
class VerbClusterOrderRuleTest {
  private final VerbClusterOrderRule rule = new VerbClusterOrderRule();

  @Test
  void readsAnInfinitiveTheTaggerCallsAPrepositionAsOne() {
    String text = "Der Ausschuss wird vorlegen seinen Bericht im Herbst.";
    assertThat(rule.match(Shared.retagged(text, "vorlegen", Upos.ADP), null)).hasSize(1);
  }

  @Test
  void leavesAWordWithOtherReadingsToTheTagger() {
    // "morgen" is an adverb as well as a verb form: only the tagger's reading counts
    String text = "Der Ausschuss wird morgen seinen Bericht vorlegen.";
    assertThat(rule.match(Shared.retagged(text, "morgen", Upos.ADV), null)).isEmpty();
  }
}
