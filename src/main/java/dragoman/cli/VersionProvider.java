package dragoman.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or the development version when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "dragoman " + (v == null ? "0.1.0-SNAPSHOT" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
