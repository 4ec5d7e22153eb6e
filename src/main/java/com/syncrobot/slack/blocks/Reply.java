package com.syncrobot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;
import java.util.Objects;

/**
 * One ephemeral message for the asker: the notification {@code text} (mrkdwn, already escaped)
 * and, optionally, the Block Kit blocks that carry the full content.
 */
public record Reply(String text, List<LayoutBlock> blocks) {
  /** Slack shows at most this many blocks in one message. */
  public static final int MAX_BLOCKS = 50;
  /** A section's text may be at most this long. */
  public static final int MAX_SECTION_CHARS = 3000;
  /** Top-level text is truncated by Slack far beyond this; keep notifications short. */
  static final int MAX_TEXT_CHARS = 3000;

  public Reply {
    Objects.requireNonNull(text, "text == null");
    text = Mrkdwn.truncate(text, MAX_TEXT_CHARS);
    blocks = List.copyOf(blocks);
    if (blocks.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException("too many blocks for one message: " + blocks.size());
    }
  }

  /** Returns a text-only reply; {@code mrkdwn} must already be escaped. */
  public static Reply of(String mrkdwn) {
    return new Reply(mrkdwn, List.of());
  }

  /** Returns a section block; {@code mrkdwn} must already be escaped and fit the section limit. */
  public static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder()
        .text(MarkdownTextObject.builder().text(Mrkdwn.truncate(mrkdwn, MAX_SECTION_CHARS)).build())
        .build();
  }
}
