package dragoman.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.tagging.Tagger;

/**
 * Tokens with offsets and UD part-of-speech tags from OpenNLP's German UD-GSD models
 * (opennlp-models-tokenizer-de / -pos-de 1.3.0), and verb finiteness from LanguageTool's German
 * morphology (tags such as {@code VER:3:SIN:PRÄ:SFT}, {@code VER:INF:NON}, {@code VER:EIZ:NON}).
 * Not thread-safe (OpenNLP's ME classes keep state): one per thread. The models themselves are
 * immutable and read once per process, so a second analyser costs little memory.
 */
public final class GermanAnalyzer {
  private static final String TOKEN_MODEL = "/opennlp-de-ud-gsd-tokens-1.3-2.5.4.bin";
  private static final String POS_MODEL = "/opennlp-de-ud-gsd-pos-1.3-2.5.4.bin";

  private final TokenizerME tokenizer;
  private final POSTaggerME tagger;
  private final Tagger morphology;

  /**
   * The models, read on first use and shared by every analyser (OpenNLP models are thread-safe).
   */
  private static final class Models {
    static final TokenizerModel TOKENS;
    static final POSModel POS;

    static {
      try {
        TOKENS = new TokenizerModel(resource(TOKEN_MODEL));
        POS = new POSModel(resource(POS_MODEL));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read OpenNLP German models", e);
      }
    }
  }

  public GermanAnalyzer(GermanVariant variant) {
    this.tokenizer = new TokenizerME(Models.TOKENS);
    this.tagger = new POSTaggerME(Models.POS);
    this.morphology = GermanLexicon.language(variant).getTagger();
  }

  /** Tokens of {@code text}, with offsets shifted by {@code offset} (the segment's start). */
  public List<Token> analyze(String text, int offset) {
    Span[] spans = tokenizer.tokenizePos(text);
    String[] words = new String[spans.length];
    for (int i = 0; i < spans.length; i++) {
      words[i] = text.substring(spans[i].getStart(), spans[i].getEnd());
    }
    String[] tags = tagger.tag(words);
    List<AnalyzedTokenReadings> readings;
    try {
      readings = morphology.tag(List.of(words));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Token> out = new ArrayList<>(words.length);
    for (int i = 0; i < words.length; i++) {
      Upos tag = Upos.of(tags[i]);
      out.add(
          new Token(
              words[i],
              offset + spans[i].getStart(),
              offset + spans[i].getEnd(),
              corrected(tag, words[i], readings.get(i)),
              verbForm(readings.get(i)),
              persons(readings.get(i)),
              nominative(readings.get(i)),
              onlyVerbReadings(readings.get(i)),
              infinitive(readings.get(i)),
              verbLemma(readings.get(i)),
              tag,
              inflectedAdjective(readings.get(i))));
    }
    return out;
  }

  /**
   * The tagger's tag, or the lexicon's word class where the two cannot both be right: the lexicon
   * knows the word, none of its readings has the tagger's class, and all of them have one class of
   * adjective, adverb or verb. The news-trained tagger guesses from context and errs most on broken
   * German, which is what the rules look at ("Ein gestern eröffnet neues Café": "gestern" VERB,
   * "neues" PROPN). A closed-class tag (preposition, conjunction ...) no reading supports gives way
   * too ("ausverkauft" ADP, "vorlegen" ADP); then a participle, whose readings are verb and
   * adjective, counts as a verb. A lowercase word only, when the tagger said noun, name or a closed
   * class: a capitalised one may be a nominalisation ("das Neue") the lexicon lists under its
   * adjective, or a name.
   */
  static Upos corrected(Upos tag, String word, AnalyzedTokenReadings readings) {
    boolean open = OPEN_CLASSES.contains(tag);
    boolean nounTag = tag == Upos.NOUN || tag == Upos.PROPN;
    Upos lexicon = lexiconClass(readings);
    if (lexicon == null && !open && !nounTag) {
      lexicon = participleClass(readings);
    }
    if (lexicon == null || compatible(tag, lexicon)) {
      return tag;
    }
    if (!open && (word.isEmpty() || !Character.isLowerCase(word.codePointAt(0)))) {
      return tag;
    }
    return lexicon;
  }

  /**
   * {@link Upos#VERB} when every reading is a verb or a participle used as an adjective ("PA2:PRD",
   * "VER:PA2") and one is a verb, else null.
   */
  static Upos participleClass(AnalyzedTokenReadings readings) {
    boolean verb = false;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null) {
        return null;
      }
      if (tag.startsWith("VER:")) {
        verb = true;
      } else if (!tag.startsWith("PA1:") && !tag.startsWith("PA2:")) {
        return null;
      }
    }
    return verb ? Upos.VERB : null;
  }

  /** Tags the correction may overrule: the open classes, where the tagger guesses most. */
  private static final Set<Upos> OPEN_CLASSES = EnumSet.of(Upos.ADJ, Upos.ADV, Upos.VERB, Upos.AUX);

  /**
   * The one class ({@link Upos#ADJ}, {@link Upos#ADV}, {@link Upos#VERB} or {@link Upos#AUX} for
   * auxiliaries and modals) all of a word's lexicon readings have, or null when it is unknown, has
   * readings of several classes or of another class.
   */
  static Upos lexiconClass(AnalyzedTokenReadings readings) {
    Upos only = null;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      Upos c = tag == null ? null : lexiconClassOf(tag);
      if (c == null || (only != null && only != c)) {
        return null;
      }
      only = c;
    }
    return only;
  }

  private static Upos lexiconClassOf(String tag) {
    if (tag.startsWith("ADJ:") || tag.startsWith("PA1:") || tag.startsWith("PA2:")) {
      return Upos.ADJ;
    }
    if (tag.equals("ADV") || tag.startsWith("ADV:")) {
      return Upos.ADV;
    }
    if (tag.startsWith("VER:AUX:") || tag.startsWith("VER:MOD:")) {
      return Upos.AUX;
    }
    if (tag.startsWith("VER:")) {
      return Upos.VERB;
    }
    return null;
  }

  /**
   * Whether the tagger's tag can stand for a word of the lexicon's class: an adjective used as an
   * adverb is tagged ADV, a participle ADJ or VERB, a full verb used as an auxiliary AUX.
   */
  private static boolean compatible(Upos tag, Upos lexicon) {
    return switch (lexicon) {
      case ADJ -> tag == Upos.ADJ || tag == Upos.ADV || tag == Upos.VERB || tag == Upos.AUX;
      case ADV -> tag == Upos.ADV || tag == Upos.ADJ;
      case VERB, AUX -> tag == Upos.VERB || tag == Upos.AUX;
      default -> true;
    };
  }

  /**
   * Whether the lexicon knows the word and every reading of it is a verb ("kletterte", not
   * "lange").
   */
  static boolean onlyVerbReadings(AnalyzedTokenReadings readings) {
    boolean any = false;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null || !tag.startsWith("VER:")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /**
   * Whether some reading is an inflected adjective or participle ("ADJ:NOM:PLU:FEM:GRU:SOL",
   * "PA1:AKK:...") and none an uninflected one ("ADJ:PRD:GRU"), an adverb or a noun.
   */
  static boolean inflectedAdjective(AnalyzedTokenReadings readings) {
    boolean inflected = false;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null) {
        continue;
      }
      boolean adjective =
          tag.startsWith("ADJ:") || tag.startsWith("PA1:") || tag.startsWith("PA2:");
      if (adjective && tag.startsWith("PRD", 4)
          || tag.equals("ADV")
          || tag.startsWith("ADV:")
          || tag.startsWith("SUB:")) {
        return false;
      }
      inflected |= adjective;
    }
    return inflected;
  }

  static boolean infinitive(AnalyzedTokenReadings readings) {
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag != null && tag.startsWith("VER:") && tag.contains(":INF")) {
        return true;
      }
    }
    return false;
  }

  static String verbLemma(AnalyzedTokenReadings readings) {
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag != null && tag.startsWith("VER:") && t.getLemma() != null) {
        return t.getLemma();
      }
    }
    return "";
  }

  static Token.VerbForm verbForm(AnalyzedTokenReadings readings) {
    boolean finite = false;
    boolean nonFinite = false;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null || !tag.startsWith("VER:")) {
        continue;
      }
      if (tag.contains(":INF")
          || tag.contains(":EIZ")
          || tag.contains(":PA1")
          || tag.contains(":PA2")) {
        nonFinite = true;
      } else {
        finite = true;
      }
    }
    if (finite && nonFinite) {
      return Token.VerbForm.EITHER;
    }
    return finite
        ? Token.VerbForm.FINITE
        : nonFinite ? Token.VerbForm.NON_FINITE : Token.VerbForm.NONE;
  }

  /**
   * The person-number bits ({@link Token#persons()}) of the finite verb readings, from tags such as
   * "VER:3:SIN:PRÄ:SFT" or "VER:MOD:1:PLU:KJ1" (imperatives name no person and add nothing).
   */
  static int persons(AnalyzedTokenReadings readings) {
    int bits = 0;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null || !tag.startsWith("VER:")) {
        continue;
      }
      String[] parts = tag.split(":");
      for (int k = 1; k + 1 < parts.length; k++) {
        int person = parts[k].length() == 1 ? "123".indexOf(parts[k]) + 1 : 0;
        boolean plural = parts[k + 1].equals("PLU");
        if (person > 0 && (plural || parts[k + 1].equals("SIN"))) {
          bits |= 1 << (3 * (plural ? 1 : 0) + person - 1);
          break;
        }
      }
    }
    return bits;
  }

  /**
   * The numbers of the nominative readings ({@link Token#nominative()}), from tags such as
   * "SUB:NOM:PLU:NEU", "ART:DEF:NOM:SIN:FEM" or "ADJ:NOM:PLU:NEU:GRU:DEF".
   */
  static int nominative(AnalyzedTokenReadings readings) {
    int bits = 0;
    for (AnalyzedToken t : readings) {
      String tag = t.getPOSTag();
      if (tag == null) {
        continue;
      }
      int at = tag.indexOf(":NOM:");
      if (at >= 0) {
        String rest = tag.substring(at + 5);
        bits |= rest.startsWith("SIN") ? Token.SINGULAR : rest.startsWith("PLU") ? Token.PLURAL : 0;
      }
    }
    return bits;
  }

  private static InputStream resource(String name) {
    InputStream in = GermanAnalyzer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("OpenNLP model " + name + " is missing from the classpath");
    }
    try (in) {
      return new java.io.ByteArrayInputStream(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
