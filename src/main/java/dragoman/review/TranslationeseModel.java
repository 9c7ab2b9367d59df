package dragoman.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical "translationese" signal: logistic regression over word, word-pair and word-shape
 * n-grams of a German segment, machine translation = 1, human = 0 (in the spirit of Baroni and
 * Bernardini 2006 and Koppel and Ordan 2011, who separate translated from original text by function
 * words and part-of-speech n-grams). Fitted by eval/review-fit-lm and shipped as {@value
 * #RESOURCE}; eval/translationese.py computes the same features in Python and documents them.
 *
 * <p>Typesetting is not a feature: quotes, dashes and apostrophes are dropped, ß is read as ss, and
 * capitalised words (nouns, names) enter only as their shape, so names and topics cannot leak.
 *
 * @param bias intercept of the regression
 * @param weights weight per feature ({@code w:word}, {@code b:x y}, {@code s:a b c})
 * @param functionWords words kept as themselves in shapes ({@link FunctionWords#GERMAN})
 * @param fittedOn what the model was fitted on, for reports
 */
public record TranslationeseModel(
    double bias, Map<String, Double> weights, Set<String> functionWords, String fittedOn) {
  public static final String RESOURCE = "/dragoman/review/translationese.json";

  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}]+(?:-[\\p{L}]+)*|\\p{Nd}+(?:[.,]\\p{Nd}+)*|[.,;:!?()]");

  public TranslationeseModel {
    weights = Map.copyOf(weights);
    functionWords = Set.copyOf(functionWords);
  }

  public static TranslationeseModel load() {
    return ReviewResources.readJson(RESOURCE, TranslationeseModel.class, "translationese model");
  }

  /** A token of the model's own tokenization, with offsets relative to the text. */
  record Piece(String text, int start, int end) {}

  /** A feature with the token range it covers, {@code [first, last]}, as indices into pieces. */
  record Feature(String name, int first, int last) {}

  static List<Piece> pieces(String text) {
    List<Piece> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(new Piece(m.group(), m.start(), m.end()));
    }
    return out;
  }

  static String norm(String word) {
    return word.toLowerCase(Locale.ROOT).replace("ß", "ss");
  }

  private String shape(String tok, Set<String> fw) {
    String w = norm(tok);
    if (fw.contains(w)) {
      return w;
    }
    int c = tok.codePointAt(0);
    if (Character.isDigit(c)) {
      return "0";
    }
    if (!Character.isLetter(c)) {
      return tok;
    }
    return Character.isUpperCase(c) ? "C" : "L";
  }

  private String lexical(String tok, Set<String> fw) {
    String w = norm(tok);
    int c = tok.codePointAt(0);
    if (fw.contains(w) || Character.isLetter(c) && Character.isLowerCase(c)) {
      return w;
    }
    return shape(tok, fw);
  }

  /** Every occurrence of every feature in {@code text}, in order of appearance. */
  List<Feature> occurrences(List<Piece> toks) {
    Set<String> fw = functionWords;
    List<Feature> out = new ArrayList<>();
    List<String> lex = new ArrayList<>(toks.size());
    List<String> shapes = new ArrayList<>(toks.size() + 2);
    shapes.add("<s>");
    for (Piece p : toks) {
      lex.add(lexical(p.text(), fw));
      shapes.add(shape(p.text(), fw));
    }
    shapes.add("</s>");
    for (int i = 0; i < toks.size(); i++) {
      String l = lex.get(i);
      if (Character.isLetter(toks.get(i).text().codePointAt(0))
          && !l.equals("C")
          && !l.equals("L")) {
        out.add(new Feature("w:" + l, i, i));
      }
    }
    for (int i = 0; i + 1 < toks.size(); i++) {
      out.add(new Feature("b:" + lex.get(i) + " " + lex.get(i + 1), i, i + 1));
    }
    for (int i = 0; i + 2 < shapes.size(); i++) {
      // shapes index i is token i - 1 (index 0 is <s>)
      int first = Math.max(0, i - 1);
      int last = Math.min(toks.size() - 1, i + 1);
      out.add(
          new Feature(
              "s:" + shapes.get(i) + " " + shapes.get(i + 1) + " " + shapes.get(i + 2),
              first,
              last));
    }
    return out;
  }

  /** The distinct feature names of {@code text}, sorted (what eval/translationese.py computes). */
  public List<String> features(String text) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    for (Feature f : occurrences(pieces(text))) {
      names.put(f.name(), Boolean.TRUE);
    }
    return List.copyOf(names.keySet());
  }

  /** Log-odds that {@code text} is machine-translated, by this model alone. */
  public double logit(String text) {
    List<String> fs = features(text);
    if (fs.isEmpty()) {
      return bias;
    }
    double sum = 0;
    for (String f : fs) {
      sum += weights.getOrDefault(f, 0.0);
    }
    return bias + sum / Math.sqrt(fs.size());
  }
}
