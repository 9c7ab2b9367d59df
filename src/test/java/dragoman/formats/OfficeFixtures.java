package dragoman.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Office documents for the tests, zipped from the XML parts under src/test/resources (so the test
 * data stays readable and diffable): a DOCX with bold and italic runs, an ODT with a bold span.
 */
final class OfficeFixtures {
  static final Path RESOURCES = Path.of("src/test/resources/dragoman/formats");

  private OfficeFixtures() {}

  /** The DOCX built from {@code docx/}: a heading, a paragraph of two sentences with bold. */
  static byte[] docx() {
    return zip(RESOURCES.resolve("docx"), List.of());
  }

  /**
   * The ODT built from {@code odt/}: a heading and a paragraph with a bold span. ODF wants its
   * {@code mimetype} entry first and stored uncompressed (ODF 1.2 part 3, 3.3).
   */
  static byte[] odt() {
    return zip(RESOURCES.resolve("odt"), List.of("mimetype"));
  }

  /** Zips a folder's files, those named in {@code first} first and stored (ODF's mimetype). */
  static byte[] zip(Path dir, List<String> first) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(dir)) {
      for (String name : first) {
        byte[] data = Files.readAllBytes(dir.resolve(name));
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
      }
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        if (first.contains(name)) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
