package dragoman.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.loomchild.segment.TextIterator;
import net.loomchild.segment.srx.SrxDocument;
import net.loomchild.segment.srx.SrxTextIterator;
import net.loomchild.segment.srx.io.Srx2SaxParser;

/**
 * Sentence splitting with LanguageTool's SRX rules ({@code org/languagetool/resource/segment.srx}
 * in languagetool-core), the same rules and engine as LanguageTool's {@code SRXSentenceTokenizer}
 * but usable for any language code without loading a LanguageTool {@code Language}.
 *
 * <p>Those rules already keep ordinals before months ("am 28. Oktober"), German and English
 * abbreviations and thousands separators together. What they get wrong for news text is repaired in
 * {@link SentenceRepairs}.
 */
public final class SrxSentenceSplitter implements SentenceSplitter {
  private static final String RULES = "/org/languagetool/resource/segment.srx";
  private static volatile SrxDocument rules;

  private final String languageCode;
  private final SentenceRepairs repairs;

  public SrxSentenceSplitter(Language language) {
    this.languageCode = language.code();
    this.repairs = new SentenceRepairs(language);
  }

  /**
   * Paragraphs longer than this are cut into pieces before the SRX engine sees them: its iterator
   * slows down sharply on very long input (a 20 MB one-line file gave no sentence in minutes).
   */
  static final int MAX_PIECE = 20_000;

  /** A safe place to cut: a lower-case word of four letters or more, a full stop, a capital. */
  private static final Pattern SAFE_CUT = Pattern.compile("\\p{Ll}{4}[.!?] (?=\\p{Lu})");

  @Override
  public List<Span> split(String text, int from, int to) {
    List<Span> out = new ArrayList<>();
    int start = from;
    while (to - start > MAX_PIECE) {
      Matcher m = SAFE_CUT.matcher(text).region(start + MAX_PIECE / 2, to);
      if (!m.find() || m.end() - start > 2 * MAX_PIECE) {
        break;
      }
      out.addAll(splitPiece(text, start, m.end()));
      start = m.end();
    }
    out.addAll(splitPiece(text, start, to));
    return out;
  }

  private List<Span> splitPiece(String text, int from, int to) {
    String part = text.substring(from, to);
    List<Span> raw = new ArrayList<>();
    TextIterator it = new SrxTextIterator(rules(), languageCode, part);
    int pos = 0;
    while (it.hasNext()) {
      String piece = it.next();
      // The SRX iterator returns consecutive pieces that concatenate to the input.
      int start = part.startsWith(piece, pos) ? pos : part.indexOf(piece, pos);
      if (start < 0) {
        throw new IllegalStateException("SRX segment not found in its paragraph: " + piece);
      }
      raw.add(new Span(from + start, from + start + piece.length()));
      pos = start + piece.length();
    }
    List<Span> stripped = new ArrayList<>();
    for (Span s : repairs.apply(text, raw)) {
      Span t = s.strip(text);
      if (t.length() > 0) {
        stripped.add(t);
      }
    }
    return stripped;
  }

  private static SrxDocument rules() {
    SrxDocument r = rules;
    if (r == null) {
      synchronized (SrxSentenceSplitter.class) {
        r = rules;
        if (r == null) {
          r = load();
          rules = r;
        }
      }
    }
    return r;
  }

  private static SrxDocument load() {
    try (InputStream in = SrxSentenceSplitter.class.getResourceAsStream(RULES)) {
      if (in == null) {
        throw new IllegalStateException("LanguageTool's " + RULES + " is not on the classpath");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new Srx2SaxParser().parse(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RULES, e);
    }
  }
}
