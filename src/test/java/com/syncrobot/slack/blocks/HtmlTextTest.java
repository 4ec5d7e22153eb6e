package com.syncrobot.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class HtmlTextTest {
  @Test
  void toPlain_brTags_becomeNewlines_R8() {
    assertThat(HtmlText.toPlain("Rebooted the printer.<br>Works now.<br/>Closing.<BR />"))
        .isEqualTo("Rebooted the printer.\nWorks now.\nClosing.");
  }

  @Test
  void toPlain_otherTags_areRemovedAndEntitiesDecoded() {
    assertThat(HtmlText.toPlain("<p><b>Called</b> &amp; left a message &lt;voicemail&gt;&nbsp;&#8212; &#x1F44B;</p>"))
        .isEqualTo("Called & left a message <voicemail> — 👋");
  }

  @Test
  void toPlain_listItems_becomeBullets() {
    assertThat(HtmlText.toPlain("<ul><li>one</li><li>two</li></ul>")).isEqualTo("• one\n• two");
  }

  @Test
  void toPlain_doubleEscapedEntity_decodesOnlyOnce() {
    assertThat(HtmlText.toPlain("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
  }

  @Test
  void toPlain_namedEntities_decode() {
    assertThat(HtmlText.toPlain("We&rsquo;ve updated the caf&eacute; PC &ndash; it&#x27;s done&hellip;"))
        .isEqualTo("We’ve updated the café PC – it's done…");
  }

  @Test
  void toPlain_styleScriptAndHead_areNotShown() {
    assertThat(HtmlText.toPlain("<html><head><title>Reply</title><style>p { color: red; }</style></head><body>"
        + "<p>Thanks &amp; regards</p><script>alert('x')</script><!-- quoted mail --></body></html>"))
        .isEqualTo("Thanks & regards");
  }

  @Test
  void toPlain_paragraphsAndDivs_areLines() {
    assertThat(HtmlText.toPlain("<p>First</p><p>Second</p><div>Third</div>Fourth"))
        .isEqualTo("First\nSecond\nThird\nFourth");
  }

  @Test
  void toPlain_linkShowsItsAddressWhenTheTextDiffers() {
    assertThat(HtmlText.toPlain("Pay at <a href=\"http://evil.example/pay\">your bank</a> or"
        + " <a href=\"https://acme.example\">https://acme.example</a>"))
        .isEqualTo("Pay at your bank (http://evil.example/pay) or https://acme.example");
  }

  @Test
  void toPlain_escapedTechnicianText_readsAsTyped() {
    String typed = "Click <a href=\"http://evil\">bank</a> & <script>alert(1)</script>\nThanks";
    assertThat(HtmlText.toPlain(com.syncrobot.syncro.CommentHtml.fromText(typed))).isEqualTo(typed);
  }

  @Test
  void toPlain_manyBlankLines_collapseToOne() {
    assertThat(HtmlText.toPlain("a<br><br><br><br>b")).isEqualTo("a\n\nb");
  }
}
