package dragoman.pipeline;

import dragoman.formats.FileFormat;
import dragoman.formats.OkapiDocument;
import dragoman.text.BadInputException;
import dragoman.text.DocumentReader;
import dragoman.text.InputCollector;
import dragoman.text.InputSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which inputs are translators' files and which plain text, and a batch over the files that goes on
 * when one is bad (as {@link DocumentBatch} does for text).
 */
public final class FileInputs {
  /** What to do with one file that was read. */
  @FunctionalInterface
  public interface Action {
    void accept(InputSource source, FileFormat format, OkapiDocument document)
        throws IOException, BadInputException;
  }

  private FileInputs() {}

  /**
   * The format of an input: the one forced by {@code --input-format}, else by extension (an {@code
   * .xlf} is XLIFF 1.2 or 2 by its root element); empty for plain text.
   */
  public static Optional<FileFormat> formatOf(InputSource source, byte[] head, FileFormat forced) {
    if (forced != null) {
      return Optional.of(forced);
    }
    if (source.isStdin()) {
      return Optional.empty();
    }
    return FileFormat.detect(source.path(), head);
  }

  /** The extension a file written back gets: the input's own, or the format's. */
  public static String extensionOf(InputSource source, FileFormat format) {
    if (!source.isStdin()) {
      String name = source.path().getFileName().toString();
      int dot = name.lastIndexOf('.');
      if (dot > 0) {
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (FileFormat.byExtension(Path.of("x." + ext)).isPresent()) {
          return ext;
        }
      }
    }
    return format.defaultExtension();
  }

  /** Folder globs for a forced format: its extensions, unless {@code --include} was given. */
  public static List<String> includes(List<String> given, FileFormat forced) {
    if (forced == null || !given.equals(InputCollector.DEFAULT_INCLUDES)) {
      return given;
    }
    List<String> out = new ArrayList<>();
    for (String ext : forced.extensions()) {
      out.add("*." + ext);
    }
    return out;
  }

  /** Inputs split into translators' files (with their format) and plain text. */
  public record Split(List<Typed> files, InputCollector.Collected text) {}

  /** An input with its format and its bytes, already read. */
  public record Typed(InputSource source, FileFormat format, byte[] bytes) {}

  /**
   * Reads each input's bytes once and sorts it; an input that cannot be read is a problem of the
   * text side, reported like any other.
   */
  public static Split split(InputCollector.Collected inputs, FileFormat forced) {
    List<Typed> files = new ArrayList<>();
    List<InputSource> text = new ArrayList<>();
    List<BadInputException> problems = new ArrayList<>(inputs.problems());
    for (InputSource s : inputs.sources()) {
      if (forced == null && (s.isStdin() || FileFormat.byExtension(s.path()).isEmpty())) {
        text.add(s);
        continue;
      }
      try {
        byte[] bytes = s.readBytes(DocumentReader.DEFAULT_MAX_BYTES);
        Optional<FileFormat> f = formatOf(s, bytes, forced);
        if (f.isPresent()) {
          files.add(new Typed(s, f.get(), bytes));
        } else {
          text.add(s);
        }
      } catch (BadInputException e) {
        problems.add(e);
      } catch (IOException e) {
        problems.add(new BadInputException(s.displayName(), "cannot read: " + e.getMessage()));
      }
    }
    return new Split(files, new InputCollector.Collected(text, problems));
  }

  /**
   * Reads each file with its Okapi filter and runs the action; a bad file is one line on {@code
   * err} and the others go on.
   */
  public static DocumentBatch.Outcome run(
      List<Typed> files, PrintStream err, String program, Action action) {
    int done = 0;
    int failed = 0;
    for (Typed t : files) {
      try (OkapiDocument doc =
          OkapiDocument.read(t.source().docId(), t.source().displayName(), t.bytes(), t.format())) {
        action.accept(t.source(), t.format(), doc);
        done++;
      } catch (BadInputException e) {
        err.println(program + ": " + e.oneLine());
        failed++;
      } catch (IOException e) {
        err.println(program + ": " + t.source().displayName() + ": " + e.getMessage());
        failed++;
      }
    }
    return new DocumentBatch.Outcome(done, failed);
  }
}
