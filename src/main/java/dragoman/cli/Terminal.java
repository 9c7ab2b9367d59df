package dragoman.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so progress bars go only where a person watches. */
final class Terminal {
  private Terminal() {}

  /**
   * True when stderr is a terminal. {@code System.console()} needs stdin and stdout to be terminals
   * too, which {@code dragoman translate a.txt > a.jsonl} breaks, so on Linux the target of file
   * descriptor 2 is asked first.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }
}
