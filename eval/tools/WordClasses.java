import dragoman.review.WordClasses;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes the span detector's word-class input for training (eval/review_detector.py), with the very
 * class Dragoman uses at review time ({@link WordClasses}): reads one text a line on stdin and writes
 * one line per text, one letter per UTF-16 char ('A' + class).
 *
 * <p>Run: {@code java -cp "target/classes:$(cat target/runtime-classpath.txt)"
 * eval/tools/WordClasses.java}.
 */
public class WordClassesTool {
  public static void main(String[] args) throws Exception {
    WordClasses classes = new WordClasses();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    for (String text; (text = in.readLine()) != null; ) {
      line.setLength(0);
      for (int c : classes.of(text)) {
        line.append((char) ('A' + c));
      }
      out.write(line.toString());
      out.write('\n');
    }
    out.flush();
  }
}
