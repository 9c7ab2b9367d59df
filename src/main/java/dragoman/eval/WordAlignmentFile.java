package dragoman.eval;

import dragoman.metric.PythonWhitespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads word alignments, one {@link WordLinks} per sentence, in either of the two common formats:
 *
 * <ul>
 *   <li><b>Pharaoh</b> (fast_align, eflomal, awesome-align): one line per sentence, links {@code
 *       i-j} (sure), or {@code i?j} / {@code ipj} (possible, as in the lilt alignment-scripts gold
 *       files), source index first, separated by spaces; an empty line is a sentence without links.
 *   <li><b>NAACL</b> (Mihalcea and Pedersen 2003): one link per line, {@code sentence i j [S|P]
 *       [confidence]}, sentences numbered from 1, S when the flag is missing. Word indices are
 *       taken as written (use the same base as the other file).
 * </ul>
 *
 * The format is recognised from the first non-blank line. Sure links are also possible links.
 */
public final class WordAlignmentFile {
  private static final Pattern NAACL_LINE =
      Pattern.compile("\\s*\\d+\\s+\\d+\\s+\\d+(\\s+[SsPp])?(\\s+[0-9.eE+-]+)?\\s*");

  private WordAlignmentFile() {}

  /**
   * The sentences of a file, in order.
   *
   * @throws IOException if it cannot be read or a line is malformed (message names file and line)
   */
  public static List<WordLinks> read(Path file) throws IOException {
    List<String> lines = LineFiles.read(file);
    for (String l : lines) {
      if (!l.isBlank()) {
        return NAACL_LINE.matcher(stripBom(l)).matches()
            ? readNaacl(file, lines)
            : readPharaoh(file, lines);
      }
    }
    return readPharaoh(file, lines);
  }

  private static List<WordLinks> readPharaoh(Path file, List<String> lines) throws IOException {
    List<WordLinks> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      WordLinks.Builder b = new WordLinks.Builder();
      for (String tok : PythonWhitespace.split(stripBom(lines.get(i)))) {
        int sep = separator(tok);
        if (sep < 0) {
          throw bad(
              file, i, "expected links like 0-1 (sure) or 0?1 (possible), got \"" + tok + "\"");
        }
        int s = index(file, i, tok.substring(0, sep));
        int t = index(file, i, tok.substring(sep + 1));
        b.add(s, t, tok.charAt(sep) == '-');
      }
      out.add(b.build());
    }
    return out;
  }

  private static int separator(String tok) {
    for (int k = 1; k < tok.length() - 1; k++) {
      char c = tok.charAt(k);
      if (c == '-' || c == '?' || c == 'p') {
        return k;
      }
    }
    return -1;
  }

  private static List<WordLinks> readNaacl(Path file, List<String> lines) throws IOException {
    List<WordLinks.Builder> sentences = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripBom(lines.get(i));
      if (line.isBlank()) {
        continue;
      }
      if (!NAACL_LINE.matcher(line).matches()) {
        throw bad(
            file, i, "expected \"sentence source target [S|P]\", got \"" + line.strip() + "\"");
      }
      List<String> f = PythonWhitespace.split(line);
      int sentence = index(file, i, f.get(0));
      if (sentence < 1) {
        throw bad(file, i, "sentence numbers start at 1");
      }
      while (sentences.size() < sentence) {
        sentences.add(new WordLinks.Builder());
      }
      boolean sure = f.size() < 4 || f.get(3).equalsIgnoreCase("S");
      sentences.get(sentence - 1).add(index(file, i, f.get(1)), index(file, i, f.get(2)), sure);
    }
    return sentences.stream().map(WordLinks.Builder::build).toList();
  }

  private static int index(Path file, int line, String s) throws IOException {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(file, line, "expected a word index, got \"" + s + "\"");
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static IOException bad(Path file, int line, String what) {
    return new IOException(file + ":" + (line + 1) + ": " + what);
  }
}
