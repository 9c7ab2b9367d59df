package dragoman.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review's rules in LanguageTool's shape: every hand-written rule is a {@link ReviewRule} class
 * listed in {@link ReviewRules}, whose example pairs run through the reviewer (the wrong sentence
 * is found by the rule, the right one is not); the rules of the other detectors (LanguageTool,
 * document, word-sequence, learned) are described in the catalogue rules.json, with pairs where a
 * sentence can show them; every learned weight names one of these rules.
 */
class RuleCatalogTest {
  private static final String CATALOGUE = "/dragoman/review/rules.json";

  /** Detector ids whose rules the catalogue describes, and the rule ids each detector reports. */
  private static final Map<String, Set<String>> CATALOGUED_DETECTORS =
      Map.of(
          GrammarDetector.ID, GrammarDetector.RULES.keySet(),
          DocumentDetector.ID,
              Set.of(DocumentDetector.NON_PROSE, DocumentDetector.UNRELATED_SEGMENT),
          TranslationeseDetector.ID, Set.of(TranslationeseDetector.RULE),
          SpanDetector.ID, learnedRules());

  /** The span classes and the segment head's rule. */
  private static Set<String> learnedRules() {
    Set<String> rules = new HashSet<>(SpanDetector.MESSAGES.keySet());
    rules.add(SpanDetector.MACHINE_LIKE);
    return rules;
  }

  private static Reviewer reviewer;

  @BeforeAll
  static void buildReviewer() {
    reviewer = new Reviewer(ReviewOptions.defaults().withLearned(false));
  }

  static List<ReviewRule> registered() {
    return ReviewRules.all(Shared.lexicon());
  }

  /** Every concrete rule class compiled into the review package, registered or not. */
  static Stream<Named<Class<?>>> ruleClasses() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dragoman.review")
            .stream()
            .filter(c -> c.isAssignableTo(ReviewRule.class))
            .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
            .sorted(Comparator.comparing(JavaClass::getSimpleName))
            .map(c -> Named.<Class<?>>of(c.getSimpleName(), c.reflect()));
  }

  private static JsonNode catalogue() {
    try (InputStream in = RuleCatalogTest.class.getResourceAsStream(CATALOGUE)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> catalogueEntries() {
    JsonNode catalogue = catalogue();
    return StreamSupport.stream(((Iterable<String>) catalogue::fieldNames).spliterator(), false)
        .map(key -> Arguments.of(key, catalogue.get(key)));
  }

  static Stream<String> weightKeys() {
    ReviewModel shipped = ReviewModel.load();
    return Stream.concat(shipped.weights().keySet().stream(), shipped.decisiveRules().stream())
        .distinct()
        .sorted();
  }

  /** The detector/rule keys of the findings the reviewer reports for {@code text}. */
  private static Set<String> found(String text) {
    return reviewer.review(Shared.document(text)).stream()
        .flatMap(r -> r.findings().stream())
        .map(ReviewModel::feature)
        .collect(Collectors.toSet());
  }

  private static void assertPairsRun(String key, List<ExamplePair> pairs) {
    for (ExamplePair p : pairs) {
      assertThat(found(p.wrong())).as("%s must find: %s", key, p.wrong()).contains(key);
      assertThat(found(p.right())).as("%s must accept: %s", key, p.right()).doesNotContain(key);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registered")
  void ruleFindsItsWrongExampleAndAcceptsItsRightOne(ReviewRule rule) {
    assertThat(rule.description()).isNotBlank();
    assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
    assertThat(rule.examples()).isNotEmpty();
    assertPairsRun(rule.key(), rule.examples());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleClasses")
  void everyRuleClassIsRegistered(Class<?> ruleClass) {
    assertThat(registered())
        .as("%s in ReviewRules.all", ruleClass.getSimpleName())
        .extracting(Object::getClass)
        .contains(ruleClass);
  }

  @Test
  void detectorsRunTheRegisteredRulesOnePerDetectorId() {
    List<String> ids = ReviewRules.detectors(Shared.lexicon()).stream().map(Detector::id).toList();
    assertThat(ids).containsExactly(ReviewRules.STRUCTURE, ReviewRules.SURFACE);
    assertThat(registered()).extracting(ReviewRule::detector).containsOnlyElementsOf(ids);
  }

  @Test
  void ruleKeysAreUniqueAndNotCatalogued() {
    List<String> keys = registered().stream().map(ReviewRule::key).toList();
    assertThat(keys).doesNotHaveDuplicates();
    JsonNode catalogue = catalogue();
    assertThat(keys).noneMatch(catalogue::has);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogueEntries")
  void catalogueEntryNamesARuleOfItsDetectorAndItsPairsRun(String key, JsonNode entry) {
    String detector = key.substring(0, key.indexOf('/'));
    String rule = key.substring(key.indexOf('/') + 1);
    assertThat(CATALOGUED_DETECTORS).as(key).containsKey(detector);
    assertThat(CATALOGUED_DETECTORS.get(detector)).as(key).contains(rule);
    assertThat(entry.path("description").asText()).as(key).isNotBlank();
    List<ExamplePair> pairs =
        StreamSupport.stream(entry.path("examples").spliterator(), false)
            .map(p -> new ExamplePair(p.get(0).asText(), p.get(1).asText()))
            .toList();
    assertPairsRun(key, pairs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weightKeys")
  void weightNamesARegisteredRule(String key) {
    Set<String> known = new HashSet<>();
    registered().forEach(r -> known.add(r.key()));
    catalogue().fieldNames().forEachRemaining(known::add);
    assertThat(known).as("weight %s names a registered rule", key).contains(key);
  }
}
