package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule catalog (rules.json, LanguageTool's shape: stable id, description, example pairs): every
 * wrong example is found by its rule and the right one is not; every weight names a catalogued
 * rule.
 */
class RuleCatalogTest {
  private static JsonNode catalog() throws Exception {
    try (InputStream in =
        RuleCatalogTest.class.getResourceAsStream("/dragoman/review/rules.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void everyExamplePairIsFoundWrongAndNotRight() throws Exception {
    Reviewer reviewer = new Reviewer(ReviewOptions.defaults().withLearned(false));
    List<String> failures = new ArrayList<>();
    int pairs = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = catalog().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = it.next();
      assertThat(rule.getValue().path("description").asText()).as(rule.getKey()).isNotBlank();
      for (JsonNode pair : rule.getValue().path("examples")) {
        pairs++;
        if (!found(reviewer, pair.get(0).asText(), rule.getKey())) {
          failures.add(rule.getKey() + " misses: " + pair.get(0).asText());
        }
        if (found(reviewer, pair.get(1).asText(), rule.getKey())) {
          failures.add(rule.getKey() + " fires on: " + pair.get(1).asText());
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(pairs).isGreaterThanOrEqualTo(15);
  }

  private static boolean found(Reviewer reviewer, String text, String rule) {
    return reviewer.review(Shared.document(text)).stream()
        .flatMap(r -> r.findings().stream())
        .anyMatch(f -> ReviewModel.feature(f).equals(rule));
  }

  @Test
  void everyWeightNamesACataloguedRule() throws Exception {
    JsonNode catalog = catalog();
    assertThat(ReviewModel.load().weights().keySet()).allMatch(catalog::has);
    assertThat(catalog.size()).isGreaterThan(20);
  }
}
