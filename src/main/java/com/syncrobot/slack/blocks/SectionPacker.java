package com.syncrobot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs lines of mrkdwn into as few section blocks as Slack's limits allow, and says how many
 * lines did not fit, so long lists end in "…and K more" instead of an {@code invalid_blocks} error.
 */
public final class SectionPacker {
  private final int maxBlocks;
  private final int maxSectionChars;
  private final int maxTotalChars;

  /** The lines that fit, as section blocks, and how many were left out. */
  public record Packed(List<LayoutBlock> blocks, int shown, int omitted) {
    public Packed {
      blocks = List.copyOf(blocks);
    }
  }

  public SectionPacker(int maxBlocks, int maxSectionChars, int maxTotalChars) {
    if (maxBlocks < 1 || maxSectionChars < 2 || maxTotalChars < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxBlocks + ", " + maxSectionChars + ", " + maxTotalChars);
    }
    this.maxBlocks = maxBlocks;
    this.maxSectionChars = maxSectionChars;
    this.maxTotalChars = maxTotalChars;
  }

  /** Packs {@code lines} in order, stopping at the first line that no longer fits. */
  public Packed pack(List<String> lines) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int shown = 0;
    int total = 0;
    for (String raw : lines) {
      String line = Mrkdwn.truncate(raw, maxSectionChars);
      if (total + line.length() > maxTotalChars) {
        break;
      }
      boolean fitsCurrent = current.length() == 0 || current.length() + 1 + line.length() <= maxSectionChars;
      if (!fitsCurrent) {
        if (blocks.size() + 1 >= maxBlocks) {
          break;
        }
        blocks.add(Reply.section(current.toString()));
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line);
      total += line.length();
      shown++;
    }
    if (current.length() > 0) {
      blocks.add(Reply.section(current.toString()));
    }
    return new Packed(blocks, shown, lines.size() - shown);
  }
}
