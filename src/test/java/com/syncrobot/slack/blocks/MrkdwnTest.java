package com.syncrobot.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class MrkdwnTest {
  @Test
  void escape_controlCharacters_becomeEntitiesAndNothingElseChanges() {
    // Slack only parses &, < and >; escaping quotes or umlauts would show literal entities.
    assertThat(Mrkdwn.escape("<!channel> Tom & Jerry's \"Grüße\" > 3 *bold*"))
        .isEqualTo("&lt;!channel&gt; Tom &amp; Jerry's \"Grüße\" &gt; 3 *bold*");
  }

  @Test
  void escape_linkSyntax_cannotInjectALink() {
    assertThat(Mrkdwn.escape("<http://evil.example|click>")).isEqualTo("&lt;http://evil.example|click&gt;");
  }

  @Test
  void truncate_longText_endsInEllipsisWithinLimit() {
    assertThat(Mrkdwn.truncate("abcdefghij", 5)).isEqualTo("abcd…").hasSize(5);
    assertThat(Mrkdwn.truncate("abc", 5)).isEqualTo("abc");
  }

  @Test
  void truncate_atSurrogatePair_doesNotSplitEmoji() {
    String s = "ab👋cd";
    String cut = Mrkdwn.truncate(s, 4);
    assertThat(cut).isEqualTo("ab…");
    assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
  }

  @Test
  void escapeAndTruncate_cutsBeforeEscaping_soNoEntityIsSplit() {
    assertThat(Mrkdwn.escapeAndTruncate("a<b<c<d<e", 4)).isEqualTo("a&lt;b…");
  }

  @Test
  void inCode_backtickInUserText_cannotCloseTheCodeSpan() {
    assertThat(Mrkdwn.inCode("a`<b>", 40)).isEqualTo("a'&lt;b&gt;");
  }
}
