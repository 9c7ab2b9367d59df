import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.language.GermanyGerman;
import org.languagetool.synthesis.Synthesizer;
import org.languagetool.tagging.Tagger;

/**
 * Exports real German inflection alternatives from LanguageTool's morphology for the corruption
 * generator (eval/review_corrupt.py): reads one word a line on stdin and writes TSV lines {@code
 * word kind alternative}, where kind is {@code number} (a finite verb in the 3rd person with the
 * other number: "geht" / "gehen") or {@code case} (an article, pronoun or adjective in another case
 * with the same number and gender: "den" / "dem"). Alternatives that are also a reading of the word
 * itself are left out, so every alternative really changes the agreement.
 *
 * <p>Run: {@code java -cp "$(cat target/runtime-classpath.txt)" eval/tools/Inflections.java}.
 */
public class Inflections {
  private static final List<String> CASES = List.of("NOM", "AKK", "DAT", "GEN");

  public static void main(String[] args) throws Exception {
    GermanyGerman lang = new GermanyGerman();
    Tagger tagger = lang.getTagger();
    Synthesizer synth = lang.getSynthesizer();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> words = new ArrayList<>();
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) {
        words.add(line.strip());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int from = 0; from < words.size(); from += 1000) {
      List<String> batch = words.subList(from, Math.min(words.size(), from + 1000));
      for (AnalyzedTokenReadings r : tagger.tag(batch)) {
        String word = r.getToken();
        Set<String> own = new TreeSet<>();
        for (AnalyzedToken t : r.getReadings()) {
          if (t.getPOSTag() != null && t.getLemma() != null) {
            for (String f : synth.synthesize(t, t.getPOSTag())) {
              own.add(f);
            }
          }
        }
        own.add(word);
        Set<String> number = new TreeSet<>();
        Set<String> kase = new TreeSet<>();
        for (AnalyzedToken t : r.getReadings()) {
          String tag = t.getPOSTag();
          if (tag == null || t.getLemma() == null) {
            continue;
          }
          if (tag.startsWith("VER:3:SIN:") || tag.startsWith("VER:3:PLU:")) {
            String other =
                tag.contains(":SIN:") ? tag.replace(":SIN:", ":PLU:") : tag.replace(":PLU:", ":SIN:");
            for (String f : synth.synthesize(t, other)) {
              number.add(f);
            }
          } else if (tag.startsWith("ADJ:") || tag.startsWith("ART:") || tag.startsWith("PRO:")) {
            for (String c : CASES) {
              for (String k : CASES) {
                if (!k.equals(c) && tag.contains(":" + c + ":")) {
                  for (String f : synth.synthesize(t, tag.replace(":" + c + ":", ":" + k + ":"))) {
                    kase.add(f);
                  }
                }
              }
            }
          }
        }
        for (String f : number) {
          if (!own.contains(f) && !f.contains(" ")) {
            out.append(word).append("\tnumber\t").append(f).append('\n');
          }
        }
        for (String f : kase) {
          if (!own.contains(f) && !f.contains(" ")) {
            out.append(word).append("\tcase\t").append(f).append('\n');
          }
        }
      }
      System.out.print(out);
      out.setLength(0);
    }
  }
}
