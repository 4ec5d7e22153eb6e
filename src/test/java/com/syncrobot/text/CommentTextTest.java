package com.syncrobot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CommentTextTest {
  @Test
  void same_brSpellingsAndWhitespace_compareEqual_R2() {
    assertThat(CommentText.same("Replaced toner.<br>Back online.", "Replaced toner.<BR />\n Back  online.")).isTrue();
    assertThat(CommentText.same("<p>Replaced toner.</p>", "Replaced toner.")).isTrue();
    assertThat(CommentText.same("A &amp; B", "A & B")).isTrue();
  }

  @Test
  void same_entitySpellings_compareEqual_R2() {
    // what the bot sends for escaped technician text, against the ways HTML may spell the same characters
    assertThat(CommentText.same("O&#39;Brien &lt;b&gt; &quot;x&quot;", "O&#x27;Brien &#60;b&#62; \"x\"")).isTrue();
    assertThat(CommentText.same("O'Brien", "O&apos;Brien")).isTrue();
    assertThat(CommentText.same("caf\u00e9 \u2019", "caf&eacute; &rsquo;")).isTrue();
  }

  @Test
  void same_differentWords_differ_R2() {
    assertThat(CommentText.same("Replaced toner.", "Replaced drum.")).isFalse();
    assertThat(CommentText.same("Replaced toner.", "Replaced toner")).isFalse();
  }

  @Test
  void fromTyped_listsBecomeBulletLines_otherTagsStayText_R8() {
    CommentText.Typed t = CommentText
        .fromTyped("Done:\r\n<ul><li>toner</li><li>drum</li></ul><b>Call</b> me<br/>Thanks");
    assertThat(t.html()).isEqualTo("Done:<br>• toner<br>• drum<br>&lt;b&gt;Call&lt;/b&gt; me<br>Thanks");
    assertThat(t.hadList()).isTrue();
    assertThat(t.multiline()).isTrue();
    assertThat(CommentText.fromTyped("  One line & \"quotes\"  ")).isEqualTo(
        new CommentText.Typed("One line &amp; &quot;quotes&quot;", false, false));
  }

  @Test
  void fromDrafted_markupRemoved_linesWithSecretsOrInternalNotesDropped_R8() {
    CommentText.Drafted d = CommentText.fromDrafted(
        "Fixed <b>it</b>\nInternal: slow payer<br>xoxb-1-2-abc<br><br><br><br>Bye", true);
    assertThat(d.html()).isEqualTo("Fixed it<br><br>Bye");
    assertThat(d.hadMarkup()).isTrue();
    assertThat(d.plainBreaks()).isEqualTo(1);
    assertThat(d.secretLines()).containsExactly(new CommentText.SecretLine(3, Secret.SLACK_TOKEN));
    assertThat(d.internalLines()).containsExactly(2);
  }
}
