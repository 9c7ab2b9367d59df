package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tagger's mistakes the rule must see through, reproduced by retagging one token. */
class CoordinatedVerbAgreementRuleTest {
  private final CoordinatedVerbAgreementRule rule = new CoordinatedVerbAgreementRule();

  /** The tokens of {@code text} with the tag of {@code word} replaced by {@code tag}. */
  private static List<Token> retagged(String text, String word, Upos tag) {
    List<Token> out = new ArrayList<>();
    for (Token t : Shared.analyzer().analyze(text, 0)) {
      out.add(
          t.text().equals(word)
              ? new Token(
                  t.text(),
                  t.start(),
                  t.end(),
                  tag,
                  t.verbForm(),
                  t.persons(),
                  t.nominative(),
                  t.onlyVerbReadings(),
                  t.infinitive(),
                  t.verbLemma())
              : t);
    }
    return out;
  }

  @Test
  void checksALowercaseSecondVerbTheTaggerCallsANoun() {
    String text = "Der Verein ehrte den Gründer und feierten bis in die Nacht.";
    assertThat(rule.match(retagged(text, "feierten", Upos.NOUN), null)).hasSize(1);
    assertThat(rule.match(retagged(text, "feierten", Upos.VERB), null)).hasSize(1);
  }

  @Test
  void leavesACapitalisedNounAfterTheConjunctionAlone() {
    String text = "Der Verein ehrte den Gründer und Freunde feierten bis in die Nacht.";
    assertThat(rule.match(retagged(text, "Freunde", Upos.NOUN), null)).isEmpty();
  }
}
