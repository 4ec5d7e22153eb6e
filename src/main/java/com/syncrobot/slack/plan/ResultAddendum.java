package com.syncrobot.slack.plan;

import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.write.Plan;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a feature adds to its plans' messages beside what {@link PlanPreview} renders: a result
 * line (e.g. the new ticket's number, an appointment read back) and blocks such as a button.
 */
@FunctionalInterface
public interface ResultAddendum {
  /** Escaped mrkdwn {@code text} (replacing the generic read-back when given) and extra blocks. */
  record Addendum(@Nullable String text, List<LayoutBlock> blocks) {
    static final Addendum NONE = new Addendum(null, List.of());

    public Addendum {
      blocks = List.copyOf(blocks);
    }

    /** Returns {@code reply} with the blocks appended, as far as Slack's block limit allows. */
    Reply appendTo(Reply reply) {
      if (blocks.isEmpty()) {
        return reply;
      }
      List<LayoutBlock> all = new ArrayList<>(reply.blocks());
      for (LayoutBlock b : blocks) {
        if (all.size() < Reply.MAX_BLOCKS) {
          all.add(b);
        }
      }
      return new Reply(reply.text(), all);
    }
  }

  /** Returns the addendum for the plan's current state; never throws. */
  Addendum of(Plan plan);

  static ResultAddendum none() {
    return plan -> Addendum.NONE;
  }
}
