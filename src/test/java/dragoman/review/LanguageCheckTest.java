package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageCheckTest {
  private final LanguageCheck check = new LanguageCheck();

  @Test
  void recognisesGerman() {
    assertThat(check.check("Der Hund läuft mit dem Ball über die Wiese und bellt.").language())
        .isEqualTo("de");
  }

  @Test
  void recognisesEnglishAsNotGerman() {
    LanguageCheck.Verdict v =
        check.check("The committee said that it would publish the report in the spring.");
    assertThat(v.language()).isEqualTo("en");
    assertThat(v.notGerman()).isTrue();
  }

  @Test
  void recognisesFrenchAsNotGerman() {
    LanguageCheck.Verdict v =
        check.check(
            "Le gouvernement a annoncé qu'il ne publierait pas les résultats de l'enquête.");
    assertThat(v.language()).isEqualTo("fr");
  }

  @Test
  void saysUnknownWithTooLittleEvidence() {
    assertThat(check.check("Berlin").language()).isEqualTo("unknown");
    assertThat(check.check("Berlin").notGerman()).isFalse();
  }

  @Test
  void germanWithAnEnglishNameStaysGerman() {
    assertThat(
            check
                .check("Die Band spielte ihren Hit „The Final Countdown“ zum Abschluss.")
                .language())
        .isEqualTo("de");
  }
}
