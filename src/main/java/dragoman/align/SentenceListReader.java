package dragoman.align;

import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.DocumentSegmenter;
import dragoman.text.InputSource;
import dragoman.text.Language;
import dragoman.text.Segment;
import dragoman.text.TextDecoder;
import dragoman.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one side of an alignment as a list of sentences: raw text segmented by text/, or a file
 * with one sentence a line. An empty file is an empty side (every sentence of the other side is
 * then left unaligned), not an error.
 */
public final class SentenceListReader {
  private final TextDecoder decoder = new TextDecoder();
  private final TextNormalizer normalizer = new TextNormalizer();

  /**
   * One sentence a line, in order, so that indices are 0-based line numbers. Blank lines stay as
   * empty sentences, which keeps every later line's index and its line in a translation file
   * matched; the search links them at no length cost to a neighbour.
   */
  public List<String> readLines(Path file) throws BadInputException {
    String text = decode(file);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the newline that ends the last line
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(l.strip());
    }
    return out;
  }

  /** Raw text: paragraphs and sentences as {@code dragoman segment} finds them. */
  public List<String> readText(Path file, Language language) throws BadInputException {
    String text = decode(file);
    if (text.isBlank()) {
      return List.of();
    }
    InputSource source = new InputSource(docId(file), file);
    DocumentReader reader =
        new DocumentReader(new DocumentSegmenter(language), DocumentReader.DEFAULT_MAX_BYTES);
    List<String> out = new ArrayList<>();
    for (Segment s : reader.read(source).document().segments()) {
      out.add(s.text());
    }
    return out;
  }

  private String decode(Path file) throws BadInputException {
    InputSource source = new InputSource(docId(file), file);
    byte[] bytes;
    try {
      bytes = source.readBytes(DocumentReader.DEFAULT_MAX_BYTES);
    } catch (IOException e) {
      throw BadInputException.cannotRead(file.toString(), e);
    }
    if (bytes.length == 0) {
      return "";
    }
    try {
      return normalizer.normalize(decoder.decode(bytes).text());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file.toString(), e.getMessage());
    }
  }

  private static String docId(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }
}
