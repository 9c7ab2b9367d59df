package dragoman.formats;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import org.junit.jupiter.api.Test;

class InlineCodesTest {
  /** {@code <p><b>Das</b> ist <a>sehr wichtig</a> für uns.<br/></p>} as Okapi codes it. */
  private static TextFragment sample() {
    TextFragment f = new TextFragment();
    f.append(TagType.OPENING, "b", "<b>");
    f.append("Das");
    f.append(TagType.CLOSING, "b", "</b>");
    f.append(" ist ");
    f.append(TagType.OPENING, "a", "<a href=\"x\">");
    f.append("sehr wichtig");
    f.append(TagType.CLOSING, "a", "</a>");
    f.append(" für uns.");
    f.append(TagType.PLACEHOLDER, "br", "<br/>");
    return f;
  }

  /** The fragment as its codes' data and text, the way a writer would put it out. */
  private static String render(TextFragment source, String coded) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < coded.length(); i++) {
      char c = coded.charAt(i);
      if (TextFragment.isMarker(c)) {
        b.append(source.getCode(TextFragment.toIndex(coded.charAt(++i))).getData());
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void codesBeforeAndAfterTheTextStayOutsideAndInnerOnesBecomePlaceholders() {
    InlineCodes.Masked m = InlineCodes.mask(sample());
    assertThat(m.plain()).isEqualTo("Das ist sehr wichtig für uns.");
    assertThat(m.placeholders()).isEqualTo("Das<x1/> ist <g2>sehr wichtig</g2> für uns.");
    assertThat(render(sample(), m.prefix())).isEqualTo("<b>");
    assertThat(render(sample(), m.suffix())).isEqualTo("<br/>");
  }

  @Test
  void placeholdersTheModelKeptPutTheirCodesAroundTheTranslatedWords() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r = InlineCodes.restore(m, "This<x1/> is <g2>very important</g2> for us.");
    assertThat(r.unplaced()).isZero();
    assertThat(render(src, r.coded()))
        .isEqualTo("<b>This</b> is <a href=\"x\">very important</a> for us.<br/>");
  }

  @Test
  void placeholdersWithSpacesInsideAreStillRecognised() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r =
        InlineCodes.restore(m, "This< x1 /> is < g2 >very important< / g2 > for us.");
    assertThat(r.unplaced()).isZero();
    assertThat(render(src, r.coded()))
        .isEqualTo("<b>This</b> is <a href=\"x\">very important</a> for us.<br/>");
  }

  @Test
  void codesTheModelDroppedGoToTheEndOfTheSentencePairsAroundTheLastWord() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r = InlineCodes.restore(m, "This is very important for us.");
    assertThat(r.unplaced()).isEqualTo(3);
    assertThat(render(src, r.coded()))
        .isEqualTo("<b>This is very important for <a href=\"x\">us</a>.</b><br/>");
  }

  @Test
  void aPairOutOfOrderIsMovedToTheEndWholeWhileTheOthersStay() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r = InlineCodes.restore(m, "This<x1/> is </g2>very important<g2> for us.");
    assertThat(r.unplaced()).isEqualTo(2);
    assertThat(render(src, r.coded()))
        .isEqualTo("<b>This</b> is very important for <a href=\"x\">us</a>.<br/>");
  }

  @Test
  void crossingPairsAreNotLeftCrossed() {
    TextFragment f = new TextFragment("Ein ");
    f.append(TagType.OPENING, "b", "<b>");
    f.append("fettes");
    f.append(TagType.CLOSING, "b", "</b>");
    f.append(" und ");
    f.append(TagType.OPENING, "i", "<i>");
    f.append("kursives");
    f.append(TagType.CLOSING, "i", "</i>");
    f.append(" Wort.");
    InlineCodes.Masked m = InlineCodes.mask(f);
    assertThat(m.placeholders()).isEqualTo("Ein <g1>fettes</g1> und <g2>kursives</g2> Wort.");
    InlineCodes.Restored r = InlineCodes.restore(m, "A <g1>bold and <g2>italic</g1> word</g2>.");
    assertThat(r.unplaced()).isEqualTo(2);
    // </g1> closes while <g2> is open: pair 1 goes to the last word, pair 2 stays where it was put.
    assertThat(render(f, r.coded())).isEqualTo("A bold and <i>italic <b>word</b></i>.");
  }

  @Test
  void duplicatedAndInventedPlaceholdersAreDropped() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r =
        InlineCodes.restore(m, "This<x1/><x1/> is <g2>very <x7/>important</g2> for us.");
    assertThat(r.unplaced()).isZero();
    assertThat(render(src, r.coded()))
        .isEqualTo("<b>This</b> is <a href=\"x\">very important</a> for us.<br/>");
  }

  @Test
  void aPairWithNoWordToEncloseStaysAtTheEndEmpty() {
    TextFragment src = sample();
    InlineCodes.Masked m = InlineCodes.mask(src);
    InlineCodes.Restored r = InlineCodes.restore(m, "!");
    assertThat(r.unplaced()).isEqualTo(3);
    assertThat(render(src, r.coded())).isEqualTo("<b>!<a href=\"x\"></a></b><br/>");
  }

  @Test
  void aSegmentOfCodesAloneHasNothingToTranslate() {
    TextFragment f = new TextFragment();
    f.append(TagType.PLACEHOLDER, "br", "<br/>");
    f.append("  ");
    InlineCodes.Masked m = InlineCodes.mask(f);
    assertThat(m.isEmpty()).isTrue();
    assertThat(render(f, InlineCodes.restore(m, "anything").coded())).isEqualTo("<br/>  ");
  }
}
