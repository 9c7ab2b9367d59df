package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tagger's mistakes the rule must see through, reproduced by retagging one token. */
class CoordinatedVerbAgreementRuleTest {
  private final CoordinatedVerbAgreementRule rule = new CoordinatedVerbAgreementRule();

  @Test
  void checksALowercaseSecondVerbTheTaggerCallsANoun() {
    String text = "Der Verein ehrte den Gründer und feierten bis in die Nacht.";
    assertThat(rule.match(Shared.retagged(text, "feierten", Upos.NOUN), null)).hasSize(1);
    assertThat(rule.match(Shared.retagged(text, "feierten", Upos.VERB), null)).hasSize(1);
  }

  @Test
  void leavesACapitalisedNounAfterTheConjunctionAlone() {
    String text = "Der Verein ehrte den Gründer und Freunde feierten bis in die Nacht.";
    assertThat(rule.match(Shared.retagged(text, "Freunde", Upos.NOUN), null)).isEmpty();
  }
}
