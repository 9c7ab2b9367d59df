package dragoman.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Opens the viewer that {@code dragoman run} writes for the seed articles (plus one hostile
 * document) in headless Chromium and works it like a reviewer: tabs, rows, the highlighted finding
 * with its reason on hover and on keyboard focus, the flagged-only filter, sorting, j/k, and text
 * that looks like markup staying text. Needs Debian's chromium and chromium-driver; without them
 * the test fails (it never skips).
 *
 * <p>The run uses the real reviewer and, since no model is at hand here, {@link EchoTranslation}
 * for the English column.
 */
class ViewerBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String HOSTILE =
      "Er schrieb <script>window.__pwned = 1</script> und \"Zitat\" & 'so' hier."
          + " Dann kam <!-- Kommentar --> und <img src=x onerror=\"window.__pwned=2\">.\n";

  @TempDir static Path tmp;
  static Path out;
  static WebDriver driver;

  @BeforeAll
  static void runPipelineAndOpenBrowser() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "the viewer's browser test needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": install them with `apt-get install chromium chromium-driver`");
    }
    Path in = Seeds.copyTo(tmp.resolve("in"));
    Files.writeString(in.resolve("hostile.txt"), HOSTILE);
    out = tmp.resolve("out");
    RunOptions o =
        new RunOptions(
            List.of(in.toString()),
            List.of("*.txt"),
            out,
            2,
            false,
            null,
            dragoman.mt.GenerationOptions.defaults().withOffline(true),
            dragoman.review.ReviewOptions.defaults(),
            false);
    Stages stages =
        Stages.of(Stages.review(o).stage(), Optional.of(new EchoTranslation()), Optional.empty());
    PipelineRun.Summary s =
        new PipelineRun(o, stages, new PrintStream(PrintStream.nullOutputStream())).run();
    assertThat(s.exitCode()).isZero();

    ChromeOptions opts = new ChromeOptions();
    opts.setBinary(CHROMIUM.toFile());
    opts.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")),
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, opts);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void openViewer() {
    driver.get(out.resolve("index.html").toUri().toString());
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#rows tr.seg"));
  }

  @Test
  void documentsAreTabsAndRowsPairGermanWithEnglish() {
    List<WebElement> tabs = driver.findElements(By.cssSelector("[role=tab]"));
    assertThat(tabs)
        .extracting(t -> js("return arguments[0].firstChild.textContent", t))
        .containsExactly(
            "000_e18c1f390b05e017", "001_3509b7d76f1efd1d", "004_6de4123e443d2e83", "hostile");
    assertThat(tabs.get(0).getAttribute("aria-selected")).isEqualTo("true");
    assertThat(rows()).hasSize(43);
    WebElement row = rows().get(1);
    String de = row.findElement(By.cssSelector("td.de")).getText();
    assertThat(de).startsWith("Daher ist es leicht, den 1. November abzutun");
    assertThat(row.findElement(By.cssSelector("td.en")).getText()).isEqualTo("[en] " + deOf(row));

    tabs.get(2).click();
    assertThat(rows()).hasSize(22);
    assertThat(driver.findElement(By.id("counts")).getText()).startsWith("22 of 22 segments");
  }

  @Test
  void theFindingIsUnderlinedAtItsOffsetsWithItsReasonOnHoverAndFocus() throws Exception {
    List<WebElement> marks = driver.findElements(By.cssSelector("#rows mark.finding"));
    // The seed's spliced link text "abzutun versprechen Die Aussage": the reviewer marks the
    // capitalised article that starts the spliced clause.
    WebElement splice =
        marks.stream()
            .filter(m -> "Die".equals(js("return arguments[0].firstChild.textContent", m)))
            .filter(
                m ->
                    "000_e18c1f390b05e017#p0.s1"
                        .equals(m.findElement(By.xpath("ancestor::tr")).getAttribute("data-id")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no finding over \"Die\" in the spliced sentence"));
    WebElement row = splice.findElement(By.xpath("ancestor::tr"));
    assertThat(row.getAttribute("class")).contains("flagged");
    assertThat(js("return getComputedStyle(arguments[0]).textDecorationLine", splice))
        .isEqualTo("underline");
    // The span starts exactly at the word (other findings, e.g. the learned detector's wider
    // span, may enclose it, so the text before it is read from the cell, not the sibling).
    assertThat(
            (String)
                js(
                    "var c = arguments[0].closest('td'); var r = document.createRange();"
                        + " r.setStart(c, 0); r.setEndBefore(arguments[0]);"
                        + " var f = r.cloneContents();"
                        + " f.querySelectorAll('.tip').forEach(t => t.remove());"
                        + " return f.textContent.replace(/\\s+/g, ' ');",
                    splice))
        .endsWith("den 1. November abzutun versprechen ");

    WebElement tip = splice.findElement(By.cssSelector(".tip"));
    assertThat(tip.isDisplayed()).isFalse();
    new Actions(driver).moveToElement(splice).perform();
    assertThat(tip.isDisplayed()).isTrue();
    assertThat(tip.getText()).contains("capitalised mid-sentence");
    saveScreenshot("viewer-screenshot.png");

    new Actions(driver).moveToElement(driver.findElement(By.tagName("h1"))).perform();
    assertThat(tip.isDisplayed()).isFalse();
    // Keyboard: from the sort control, Tab reaches the first finding, which shows its reason.
    driver.findElement(By.id("sort")).sendKeys(Keys.TAB);
    WebElement active = driver.switchTo().activeElement();
    assertThat(active.getTagName()).isEqualTo("mark");
    assertThat(active.findElement(By.cssSelector(".tip")).isDisplayed()).isTrue();
  }

  @Test
  void flaggedOnlyShowsJustTheFlaggedRowsAndSortPutsTheHighestScoreFirst() {
    int flagged = driver.findElements(By.cssSelector("#rows tr.flagged")).size();
    assertThat(flagged).isGreaterThan(1).isLessThan(43);
    driver.findElement(By.id("flagged-only")).click();
    assertThat(rows())
        .hasSize(flagged)
        .allSatisfy(r -> assertThat(r.getAttribute("class")).contains("flagged"));
    assertThat(driver.findElement(By.id("counts")).getText())
        .startsWith(flagged + " of 43 segments");
    driver.findElement(By.id("flagged-only")).click();
    assertThat(rows()).hasSize(43);

    // In document order some flagged row comes after an unflagged one; by score, none does.
    assertThat(flaggedPositions()).isNotEqualTo(firstN(flagged));
    new Select(driver.findElement(By.id("sort"))).selectByValue("score");
    assertThat(flaggedPositions()).isEqualTo(firstN(flagged));
  }

  private static List<Integer> flaggedPositions() {
    List<WebElement> rs = rows();
    return java.util.stream.IntStream.range(0, rs.size())
        .filter(i -> rs.get(i).getAttribute("class").contains("flagged"))
        .boxed()
        .toList();
  }

  private static List<Integer> firstN(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  @Test
  void jAndKMoveBetweenFlaggedRows() {
    List<String> flagged =
        driver.findElements(By.cssSelector("#rows tr.flagged")).stream()
            .map(r -> r.getAttribute("data-id"))
            .toList();
    assertThat(flagged.size()).isGreaterThanOrEqualTo(2);
    WebElement body = driver.findElement(By.tagName("body"));
    body.sendKeys("j");
    assertThat(activeRowId()).isEqualTo(flagged.get(0));
    driver.switchTo().activeElement().sendKeys("j");
    assertThat(activeRowId()).isEqualTo(flagged.get(1));
    driver.switchTo().activeElement().sendKeys("k");
    assertThat(activeRowId()).isEqualTo(flagged.get(0));
    driver.switchTo().activeElement().sendKeys("k");
    assertThat(activeRowId()).isEqualTo(flagged.get(0)); // nothing before the first
    assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("current");
  }

  @Test
  void markupInTheInputShowsAsTextAndNeverRuns() throws Exception {
    driver.findElements(By.cssSelector("[role=tab]")).get(3).click();
    List<WebElement> rows = rows();
    assertThat(rows).hasSize(2);
    assertThat(deOf(rows.get(0)))
        .isEqualTo("Er schrieb <script>window.__pwned = 1</script> und \"Zitat\" & 'so' hier.");
    assertThat(deOf(rows.get(1)))
        .isEqualTo("Dann kam <!-- Kommentar --> und <img src=x onerror=\"window.__pwned=2\">.");
    assertThat(rows.get(1).findElement(By.cssSelector("td.en")).getText())
        .isEqualTo(
            "[en] Dann kam <!-- Kommentar --> und <img src=x onerror=\"window.__pwned=2\">.");
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(js("return document.querySelectorAll('script').length")).isEqualTo(2L);
    assertThat(js("return document.querySelectorAll('img').length")).isEqualTo(0L);
    saveScreenshot("viewer-hostile.png");
  }

  /** The German text of a row without the reasons in its tooltips. */
  private static String deOf(WebElement row) {
    return (String)
        js(
            "var td = arguments[0].querySelector('td.de').cloneNode(true);"
                + "td.querySelectorAll('.tip, .reasons').forEach(function (t) { t.remove(); });"
                + "return td.textContent;",
            row);
  }

  private static String activeRowId() {
    return driver.switchTo().activeElement().getAttribute("data-id");
  }

  private static void saveScreenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Files.createDirectories(Path.of("target")).resolve(name);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
