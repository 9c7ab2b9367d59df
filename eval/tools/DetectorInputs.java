import dragoman.review.PartOfSpeechClasses;
import dragoman.review.WordClasses;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Writes one of the span detector's per-character inputs for training (eval/review_detector.py), with
 * the very class Dragoman uses at review time: {@code words} ({@link WordClasses}, LanguageTool's
 * morphology) or {@code pos} ({@link PartOfSpeechClasses}, OpenNLP's tagger). Reads one text a line on
 * stdin and writes one line per text, one letter per UTF-16 char ('A' + class).
 *
 * <p>Run: {@code java -cp "target/classes:$(cat target/runtime-classpath.txt)"
 * eval/tools/DetectorInputs.java words|pos}.
 */
public class DetectorInputs {
  public static void main(String[] args) throws Exception {
    Function<String, int[]> input;
    if (args.length == 1 && args[0].equals("words")) {
      input = new WordClasses()::of;
    } else if (args.length == 1 && args[0].equals("pos")) {
      input = new PartOfSpeechClasses()::of;
    } else {
      System.err.println("usage: DetectorInputs words|pos < texts > classes");
      System.exit(2);
      return;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    for (String text; (text = in.readLine()) != null; ) {
      line.setLength(0);
      for (int c : input.apply(text)) {
        line.append((char) ('A' + c));
      }
      out.write(line.toString());
      out.write('\n');
    }
    out.flush();
  }
}
