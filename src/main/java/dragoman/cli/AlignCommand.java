package dragoman.cli;

import dragoman.align.AlignOptions;
import dragoman.align.Bead;
import dragoman.align.SentenceAligner;
import dragoman.align.SentenceListReader;
import dragoman.export.AlignmentWriter;
import dragoman.io.AtomicFile;
import dragoman.mt.GenerationOptions;
import dragoman.mt.ModelException;
import dragoman.mt.ModelResolver;
import dragoman.mt.Translation;
import dragoman.mt.Translator;
import dragoman.mt.marian.MarianTranslator;
import dragoman.pipeline.ExitCode;
import dragoman.text.BadInputException;
import dragoman.text.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description = {
      "Sentence alignment of a German source with a target (English by default; the aligner itself"
          + " works for any pair): a bead search over 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 1-0"
          + " and 0-1 links scoring sentence lengths (Gale and Church 1993), lexical anchors"
          + " (numbers, names, cognates, punctuation) and, given a translation of one side or of"
          + " both, its chrF similarity to the other side (as Bleualign), normalised by that of"
          + " random sentence pairs (as vecalign).",
      "Writes the alignment to standard output unless --out names a file."
    })
final class AlignCommand implements Callable<Integer> {
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SRC", description = "The German source document.")
  Path source;

  @Parameters(index = "1", paramLabel = "TGT", description = "The target document.")
  Path target;

  @Option(
      names = "--presegmented",
      description =
          "Both documents (and translations) have one sentence a line; indices are 0-based line"
              + " numbers. Otherwise raw text is split into sentences as `dragoman segment` does.")
  boolean presegmented;

  @Option(
      names = "--tgt-lang",
      paramLabel = "LANG",
      description =
          "Language of the target text for sentence splitting (default: ${DEFAULT-VALUE}).",
      defaultValue = "en",
      converter = LanguageConverter.class)
  Language targetLanguage;

  @Option(
      names = "--src-translation",
      paramLabel = "FILE",
      description =
          "A translation of the source into the target's language, one sentence a line matching"
              + " the source's sentences.")
  Path sourceTranslation;

  @Option(
      names = "--tgt-translation",
      paramLabel = "FILE",
      description =
          "A translation of the target into the source's language, one sentence a line matching"
              + " the target's sentences.")
  Path targetTranslation;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Translate the source on the fly with this model (needs the translation engine).")
  Path model;

  @Option(
      names = "--format",
      description = "beads (vecalign's [0,1]:[0]:cost), jsonl or tsv (default: ${DEFAULT-VALUE}).",
      defaultValue = "jsonl")
  AlignmentWriter.Format format;

  @Option(
      names = "--no-anchors",
      negatable = true,
      description = "Score sentence lengths only, without lexical anchors.")
  boolean noAnchors;

  @Option(
      names = "--max-bead-side",
      paramLabel = "N",
      description = "Most sentences on one side of a link: 2, 3 or 4 (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + AlignOptions.DEFAULT_MAX_BEAD_SIDE)
  int maxBeadSide;

  @Option(
      names = "--translation-weight",
      paramLabel = "W",
      description =
          "Weight of the translation's chrF similarity per sentence of a link, 0 for none (default:"
              + " ${DEFAULT-VALUE}).")
  double translationWeight = AlignOptions.DEFAULT_TRANSLATION_WEIGHT;

  @Option(
      names = "--translation-anchor-weight",
      paramLabel = "W",
      description =
          "Factor on the lexical anchors (words, numbers, names) shared by the translation and the"
              + " other side, 0 for none (default: ${DEFAULT-VALUE}).")
  double translationAnchorWeight = AlignOptions.DEFAULT_TRANSLATION_ANCHOR_WEIGHT;

  @Option(
      names = "--lone-length-cost",
      paramLabel = "NATS",
      description =
          "Most length cost of a sentence left unlinked (1-0 or 0-1), its prior apart;"
              + " \"Infinity\" prices it as Gale and Church (1993) do (default: ${DEFAULT-VALUE}).")
  double loneLengthCost = AlignOptions.DEFAULT_LONE_LENGTH_COST;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  Path out;

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (model != null && sourceTranslation != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --model or --src-translation, not both");
    }
    if (maxBeadSide < 2 || maxBeadSide > 4) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-bead-side must be 2, 3 or 4");
    }
    if (translationWeight < 0 || translationAnchorWeight < 0 || !(loneLengthCost >= 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--translation-weight, --translation-anchor-weight and --lone-length-cost must not be"
              + " negative");
    }
    AlignOptions options =
        AlignOptions.defaults()
            .withAnchors(!noAnchors)
            .withMaxBeadSide(maxBeadSide)
            .withTranslationWeight(translationWeight)
            .withTranslationAnchorWeight(translationAnchorWeight)
            .withLoneLengthCost(loneLengthCost);
    SentenceListReader reader = new SentenceListReader();
    List<String> src;
    List<String> tgt;
    SentenceAligner.Translations translations;
    try {
      src = presegmented ? reader.readLines(source) : reader.readText(source, Language.GERMAN);
      tgt = presegmented ? reader.readLines(target) : reader.readText(target, targetLanguage);
      translations =
          new SentenceAligner.Translations(
              translation(reader, sourceTranslation, src.size(), "source"),
              translation(reader, targetTranslation, tgt.size(), "target"));
    } catch (BadInputException e) {
      err.println("dragoman align: " + e.oneLine());
      return ErrorHandler.FAILURE;
    }
    if (src.isEmpty() || tgt.isEmpty()) {
      err.println(
          "dragoman align: "
              + (src.isEmpty() ? source : target)
              + " has no sentences; every sentence of the other side is left unaligned");
    }
    SentenceAligner.lengthMismatch(src, tgt)
        .ifPresent(
            m -> err.println("dragoman align: notice: " + source + ", " + target + ": " + m));
    SentenceAligner aligner = new SentenceAligner(options);
    List<Bead> beads;
    if (model != null && !src.isEmpty() && !tgt.isEmpty()) {
      try (Translator translator =
          MarianTranslator.open(
              ModelResolver.standard(System.err, false), model, GenerationOptions.defaults())) {
        List<String> english = new ArrayList<>(src.size());
        for (Translation t : translator.translate(src)) {
          english.add(t.text());
        }
        translations =
            new SentenceAligner.Translations(Optional.of(english), translations.ofTarget());
      } catch (ModelException e) {
        err.println("dragoman align: " + e.oneLine());
        return ErrorHandler.FAILURE;
      }
    }
    beads = aligner.align(src, tgt, translations);
    if (out == null) {
      AlignmentWriter.write(beads, src, tgt, format, System.out);
      System.out.flush();
    } else {
      AtomicFile.write(out, os -> AlignmentWriter.write(beads, src, tgt, format, os));
    }
    return ExitCode.OK.code();
  }

  private static Optional<List<String>> translation(
      SentenceListReader reader, Path file, int expected, String side) throws BadInputException {
    if (file == null) {
      return Optional.empty();
    }
    List<String> lines = reader.readLines(file);
    if (lines.size() != expected) {
      throw new BadInputException(
          file.toString(),
          lines.size()
              + " lines, but the "
              + side
              + " has "
              + expected
              + " sentences; give one translated sentence a line, in the "
              + side
              + "'s order (--presegmented shows its sentences)");
    }
    return Optional.of(lines);
  }
}
