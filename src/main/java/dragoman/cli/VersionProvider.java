package dragoman.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or the development version when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  /** The version, from the jar manifest or the development version. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  /**
   * The {@code version} field of sacreBLEU-style signatures: Dragoman's own, marked as such so that
   * it is never taken for a sacreBLEU version.
   */
  static String signatureVersion() {
    return "dragoman-" + version();
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "dragoman " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
