package dragoman.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dragoman.mt.GenerationOptions;
import dragoman.mt.marian.MarianTranslator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DOCX translated with the fixture model and written back is a document LibreOffice opens: it is
 * converted to PDF headless and rendered to PNG (kept as target/formats/docx-roundtrip.png to look
 * at), and the PDF's text is the translation. Needs Debian's libreoffice (libreoffice-writer-nogui
 * is enough) and poppler-utils; without them the test fails (it never skips).
 */
class DocxRenderTest {
  static final Path SOFFICE = Path.of("/usr/bin/soffice");
  static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
  static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

  @TempDir Path tmp;

  @Test
  void translatedDocxOpensInLibreOfficeAndRendersItsEnglishText() throws Exception {
    for (Path tool : List.of(SOFFICE, PDFTOPPM, PDFTOTEXT)) {
      if (!Files.isExecutable(tool)) {
        fail(tool + " is missing: apt-get install libreoffice-writer-nogui poppler-utils");
      }
    }
    byte[] docx;
    List<String> english = new ArrayList<>();
    try (MarianTranslator t =
            MarianTranslator.open(
                FileRoundTripTest.MODEL, GenerationOptions.defaults().withNumBeams(1));
        OkapiDocument doc =
            OkapiDocument.read("brief", "brief.docx", OfficeFixtures.docx(), FileFormat.docx)) {
      doc.fill(t.translate(doc.toTranslate()), t.modelName());
      for (var r : doc.records()) {
        english.add(r.en());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      docx = out.toByteArray();
    }
    Path file = tmp.resolve("brief.docx");
    Files.write(file, docx);

    run(
        List.of(
            SOFFICE.toString(),
            "--headless",
            "--norestore",
            "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
            "--convert-to",
            "pdf",
            "--outdir",
            tmp.toString(),
            file.toString()));
    Path pdf = tmp.resolve("brief.pdf");
    assertThat(pdf).as("LibreOffice's PDF").exists();

    Path dir = Files.createDirectories(Path.of("target", "formats"));
    run(
        List.of(
            PDFTOPPM.toString(),
            "-png",
            "-r",
            "60",
            "-singlefile",
            pdf.toString(),
            dir.resolve("docx-roundtrip").toString()));
    BufferedImage png = ImageIO.read(dir.resolve("docx-roundtrip.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(100);
    assertThat(darkPixels(png)).as("text drawn on the page").isGreaterThan(200);

    Path txt = tmp.resolve("brief.txt");
    run(List.of(PDFTOTEXT.toString(), pdf.toString(), txt.toString()));
    String text = Files.readString(txt, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    // The heading is one short segment: its English is on the page, and no German is left.
    assertThat(text).contains(english.get(0).replaceAll("\\s+", " ").strip());
    assertThat(text).doesNotContain("unterzeichnet");
  }

  private static int darkPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (lum < 3 * 128) {
          n++;
        }
      }
    }
    return n;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command.get(0) + " did not finish in 180 s");
    }
    assertThat(p.exitValue())
        .as(command.get(0) + ": " + new String(output, StandardCharsets.UTF_8))
        .isZero();
  }
}
