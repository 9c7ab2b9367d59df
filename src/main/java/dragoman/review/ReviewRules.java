package dragoman.review;

import dragoman.text.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every hand-written {@link ReviewRule}, in the order their findings are reported, and the
 * detectors that run them: one per {@link ReviewRule#detector()} id.
 */
public final class ReviewRules {
  private ReviewRules() {}

  /** Detector of the rules that read sentence structure from tags and verb morphology. */
  public static final String STRUCTURE = "structure";

  /** Detector of the rules that read letters, spaces and punctuation. */
  public static final String SURFACE = "surface";

  /**
   * The registered rules. A new rule class is listed here; a test runs its example pairs and fails
   * for a rule class that is not listed.
   *
   * @param lexicon the German word list of the variant reviewed
   */
  public static List<ReviewRule> all(GermanLexicon lexicon) {
    return List.of(
        new CapitalisedFunctionWordRule(),
        new ClauseBreakRule(),
        new VerbClusterOrderRule(),
        new FiniteVerbPositionRule(),
        new ParticipleInNounPhraseRule(),
        new ZuInfinitiveNotFinalRule(),
        new CountryWithoutArticleRule(),
        new TwoFiniteVerbsRule(),
        new CoordinatedVerbAgreementRule(),
        new SubjectVerbAgreementRule(),
        new RunOnSentenceRule(),
        new BareInfinitiveClauseRule(),
        new InfinitiveClauseWithoutZuRule(),
        new InfinitiveClauseAfterCommaRule(),
        new DanglingAdjectiveRule(),
        new VerbSecondRule(),
        new SpaceBeforePunctuationRule(),
        new MissingSpaceAfterPunctuationRule(),
        new CommaInsideQuoteRule(),
        new EnglishPossessiveRule(),
        new EllipsisGapRule(),
        new GluedWordsRule(lexicon),
        new UntranslatedEnglishRule());
  }

  /** One detector per detector id of {@link #all}, in the order of first appearance. */
  public static List<Detector> detectors(GermanLexicon lexicon) {
    Map<String, List<ReviewRule>> byDetector = new LinkedHashMap<>();
    for (ReviewRule r : all(lexicon)) {
      byDetector.computeIfAbsent(r.detector(), d -> new ArrayList<>()).add(r);
    }
    List<Detector> out = new ArrayList<>();
    byDetector.forEach((id, rules) -> out.add(new RuleDetector(id, rules)));
    return out;
  }

  /** Runs its rules in order over the segment's tokens, which the document context shares. */
  private static final class RuleDetector implements Detector {
    private final String id;
    private final List<ReviewRule> rules;

    RuleDetector(String id, List<ReviewRule> rules) {
      this.id = id;
      this.rules = List.copyOf(rules);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<Finding> detect(Segment segment, DocumentContext context) {
      List<Token> tokens = context.tokens(segment);
      List<Finding> out = new ArrayList<>();
      for (ReviewRule r : rules) {
        out.addAll(r.match(tokens, segment));
      }
      return out;
    }
  }
}
