package dragoman.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line inputs into documents: files as given, folders searched recursively for
 * files matching the include globs, and "-" for standard input.
 */
public final class InputCollector {
  /** Folders are searched for these unless {@code --include} says otherwise. */
  public static final List<String> DEFAULT_INCLUDES = List.of("*.txt");

  /** Inputs found, and those that could not be (a one-line reason each). */
  public record Collected(List<InputSource> sources, List<BadInputException> problems) {}

  private final List<PathMatcher> includes;

  public InputCollector(List<String> includeGlobs) {
    List<String> globs =
        includeGlobs == null || includeGlobs.isEmpty() ? DEFAULT_INCLUDES : includeGlobs;
    this.includes =
        globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  public Collected collect(List<String> args) {
    List<InputSource> sources = new ArrayList<>();
    List<BadInputException> problems = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-")) {
        sources.add(InputSource.stdin());
        continue;
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        List<InputSource> found = walk(path, problems);
        if (found.isEmpty()) {
          problems.add(new BadInputException(arg, "folder has no files matching " + describe()));
        }
        sources.addAll(found);
      } else if (Files.isRegularFile(path)) {
        sources.add(new InputSource(stripExtension(path.getFileName().toString()), path));
      } else if (Files.exists(path)) {
        problems.add(new BadInputException(arg, "not a regular file or folder"));
      } else if (Files.isSymbolicLink(path)) {
        problems.add(new BadInputException(arg, brokenLink(path)));
      } else {
        problems.add(new BadInputException(arg, "no such file or folder"));
      }
    }
    return new Collected(sources, problems);
  }

  /** Why a symbolic link leads nowhere: a loop, or a target that does not exist. */
  private static String brokenLink(Path link) {
    try {
      link.toRealPath();
      return "symbolic link to nothing usable";
    } catch (IOException e) {
      String why = BadInputException.reason(e);
      if (why.equals("symbolic link loop")) {
        return why;
      }
      try {
        return "broken symbolic link (its target "
            + Files.readSymbolicLink(link)
            + ": "
            + why
            + ")";
      } catch (IOException again) {
        return "broken symbolic link (" + why + ")";
      }
    }
  }

  private List<InputSource> walk(Path root, List<BadInputException> problems) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(this::included)
          .sorted()
          .map(f -> new InputSource(docIdOf(root, f), f))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      problems.add(new BadInputException(root.toString(), "cannot list folder: " + reasonOf(e)));
      return List.of();
    }
  }

  private static String reasonOf(Exception e) {
    if (e instanceof UncheckedIOException u) {
      return BadInputException.reason(u.getCause());
    }
    return BadInputException.reason((IOException) e);
  }

  private boolean included(Path file) {
    Path name = file.getFileName();
    return includes.stream().anyMatch(m -> m.matches(name) || m.matches(file));
  }

  private String describe() {
    return includes.size() == 1 ? "the include pattern" : "the include patterns";
  }

  /** A file found in a folder is named by its path below that folder, without extension. */
  static String docIdOf(Path root, Path file) {
    String rel = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return stripExtension(rel);
  }

  static String stripExtension(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot > slash + 1 ? name.substring(0, dot) : name;
  }
}
