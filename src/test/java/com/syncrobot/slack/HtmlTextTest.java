package com.syncrobot.slack;

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
  void toPlain_manyBlankLines_collapseToOne() {
    assertThat(HtmlText.toPlain("a<br><br><br><br>b")).isEqualTo("a\n\nb");
  }
}
