package com.syncrobot.slack.plan;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.syncrobot.feature.bill.BillingSection;
import com.syncrobot.feature.bill.UnfinishedBills;
import com.syncrobot.slack.blocks.DisplayTime;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Renders a plan as the Block Kit message the technician confirms (R1) and then watches: the
 * preview with one sentence that says it all ({@link PreviewSentence}) and Confirm / Cancel / Details,
 * and each later state in place of it (running, done, failed, needs your decision, waiting for Syncro,
 * cancelled, expired). Internal Syncro ids are only under Details and in the audit line. Buttons
 * appear only while they can still do something. Stays within Slack's limits (50 blocks, 3000
 * characters per section, 2000 per button value).
 */
public final class PlanPreview {
  static final String CONFIRM = "plan_confirm";
  static final String CANCEL = "plan_cancel";
  static final String SHOW_REQUEST = "plan_show_request";
  static final String RESEND = "plan_resend";
  static final String LANDED = "plan_landed";
  static final String NOT_LANDED = "plan_not_landed";
  public static final String SESSION_LOG = "plan_session_log";
  static final String RECOVER = "plan_recover";
  /** The label of the {@link #SHOW_REQUEST} button: the checks, the rule applied, the ids and the requests. */
  static final String DETAILS = "Details";

  private static final int FIELD_CHARS = 2500;
  private static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;@([A-Z0-9]{2,20})&gt;");

  private PlanPreview() {}

  /** Returns the message for the plan's current state; {@code extra} (escaped mrkdwn) is appended when given. */
  public static Reply render(Plan plan, @Nullable String extra) {
    PreviewData data = PreviewData.fromJson(plan.previewJson(), "/syncro");
    List<LayoutBlock> blocks = new ArrayList<>();
    Optional<UnfinishedBills.Mark> earlier = earlier(plan);
    // an unfinished billing on the same ticket comes first, before this one's title
    earlier.ifPresent(e -> blocks.add(Reply.section(e.text())));
    blocks.add(HeaderBlock.builder().text(plainText(Mrkdwn.truncate(plan.title(), 150), true)).build());
    // The five-second read: the state, then one sentence with ticket, customer, what, money and whose token.
    blocks.add(Reply.section(status(plan, data) + "\n" + PreviewSentence.of(plan, data)));
    if (data.audience() != null) {
      blocks.add(Reply.section(VisibilityText.loud(data.audience())));
    }
    boolean done = plan.state() == PlanState.DONE;
    if (done && extra != null) {
      blocks.add(Reply.section(extra));
    }
    if (data.billing() != null && "bill".equals(plan.kind()) && plan.state() == PlanState.PREVIEWED) {
      blocks.addAll(BillingSection.blocks(data.billing()));
    }
    for (PreviewData.Field f : data.fields()) {
      blocks.add(Reply.section("*" + Mrkdwn.escapeAndTruncate(f.label(), 100) + "*\n" + quote(f.value())));
    }
    for (String note : PreviewSentence.notesBelow(plan, data)) {
      blocks.add(context(Mrkdwn.escapeAndTruncate(note, 1000)));
    }
    if (!done && plan.state() != PlanState.PREVIEWED) {
      blocks.add(Reply.section("*Steps*\n" + steps(plan)));
    } else if (done && plan.steps().size() > 1) {
      blocks.add(context("All " + plan.steps().size() + " steps done; the ids Syncro gave them are under Details."));
    }
    if (!done && extra != null) {
      blocks.add(Reply.section(extra));
    }
    if (plan.state() == PlanState.PREVIEWED) {
      blocks.add(context("Expires " + slackDate(plan.expiresAt().getEpochSecond())
          + ". The rule applied, every check and the exact requests are under *Details*."));
    }
    List<BlockElement> buttons = buttons(plan);
    if (!buttons.isEmpty()) {
      blocks.add(ActionsBlock.builder().blockId("plan_actions").elements(buttons).build());
    }
    List<LayoutBlock> fitted = blocks.size() > Reply.MAX_BLOCKS ? blocks.subList(0, Reply.MAX_BLOCKS) : blocks;
    return new Reply(plan.title() + " — " + shortState(plan.state()), fitted);
  }

  private static String status(Plan plan, PreviewData data) {
    String note = plan.note() == null ? "" : " " + note(plan.note());
    return switch (plan.state()) {
      case PREVIEWED -> ":mag: *Preview* — check it, then press *Confirm*. Nothing has been sent yet.";
      case EXECUTING -> ":hourglass_flowing_sand: *Confirmed — running…*";
      case WAITING -> ":hourglass: *Waiting for Syncro* — the bot will try again by itself and update this"
          + " message; nothing is sent twice." + note;
      case NEEDS_DECISION -> ":raised_hand: *Needs your decision.*" + note;
      case DONE -> ":white_check_mark: *Done.*";
      case FAILED -> ":x: *Failed.*" + note;
      case NEEDS_RECOVERY -> ":warning: *Invoice came out $0.00 because lines had no price.* The ticket was not set"
          + " to Invoiced. A repair plan is offered separately: nothing more is sent until you confirm it." + note;
      case CANCELLED -> ":no_entry_sign: *Cancelled.* " + (anyDone(plan) ? "Steps marked done below did happen."
          : "Nothing was sent to Syncro.");
      case EXPIRED -> ":alarm_clock: *This preview expired; nothing was sent.* Run `"
          + Mrkdwn.inCode(data.rerun(), 100) + "` again.";
    };
  }

  private static String shortState(PlanState state) {
    return switch (state) {
      case PREVIEWED -> "preview";
      case EXECUTING -> "running";
      case WAITING -> "waiting for Syncro";
      case NEEDS_DECISION -> "needs your decision";
      case DONE -> "done";
      case FAILED -> "failed";
      case NEEDS_RECOVERY -> "needs a repair";
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
    };
  }

  private static String steps(Plan plan) {
    StringBuilder sb = new StringBuilder();
    for (Step s : plan.steps()) {
      sb.append(s.index() + 1).append(". ").append(Mrkdwn.escapeAndTruncate(s.label(), 150)).append(" — ")
          .append(stepState(s)).append('\n');
    }
    return sb.toString().strip();
  }

  static String stepState(Step s) {
    if (s.isRead()) {
      return switch (s.state()) {
        case PENDING -> "not read yet";
        case SENDING -> "reading…";
        case DONE -> ":white_check_mark: checked";
        case FAILED -> ":x: check failed";
        case UNKNOWN, ABSENT -> ":grey_question: not read";
      };
    }
    return switch (s.state()) {
      case PENDING -> s.attempt() > 1 ? "to send again" : "not sent";
      case SENDING -> "sending…";
      case DONE -> ":white_check_mark: done";
      case FAILED -> ":x: refused by Syncro";
      case UNKNOWN -> ":grey_question: outcome unknown, not sent again";
      case ABSENT -> ":heavy_multiplication_x: not in Syncro";
    };
  }

  private static boolean anyDone(Plan plan) {
    return plan.steps().stream().anyMatch(s -> s.state() == StepState.DONE);
  }

  private static List<BlockElement> buttons(Plan plan) {
    List<BlockElement> out = new ArrayList<>();
    switch (plan.state()) {
      case PREVIEWED -> {
        Optional<UnfinishedBills.Mark> earlier = earlier(plan);
        if (earlier.isPresent()) {
          // finishing the earlier billing is the main action; billing again is a deliberate, other choice
          out.add(button(PlanResults.FINISH, "Finish the remaining steps", earlier.get().planId(), "primary"));
          out.add(button(CONFIRM, "Bill new work anyway", plan.id(), null));
        } else {
          out.add(button(CONFIRM, "Confirm", plan.id(), "primary"));
        }
        out.add(button(CANCEL, "Cancel", plan.id(), null));
        out.add(button(SHOW_REQUEST, DETAILS, plan.id(), null));
      }
      case NEEDS_DECISION -> {
        for (Step s : plan.steps()) {
          String value = plan.id() + ":" + s.index();
          if (s.state() == StepState.ABSENT) {
            out.add(button(RESEND, "Send it again", value, "primary"));
          } else if (s.state() == StepState.UNKNOWN) {
            out.add(button(LANDED, "It landed", value, null));
            out.add(button(NOT_LANDED, "It did not land", value, null));
          }
        }
        out.add(button(CANCEL, "Cancel the rest", plan.id(), "danger"));
        out.add(button(SHOW_REQUEST, DETAILS, plan.id(), null));
      }
      case NEEDS_RECOVERY -> {
        out.add(button(RECOVER, "Prepare the repair", plan.id(), null));
        out.add(button(SHOW_REQUEST, DETAILS, plan.id(), null));
      }
      case DONE -> {
        if ("close".equals(TicketFinish.baseKind(plan))) {
          out.add(button(SESSION_LOG, "Session log", plan.id(), null));
        }
        out.add(button(SHOW_REQUEST, DETAILS, plan.id(), null));
      }
      case FAILED -> out.add(button(SHOW_REQUEST, DETAILS, plan.id(), null));
      default -> {}
    }
    return out;
  }

  /** Returns the unfinished billing a billing preview names first, while it is a preview. */
  private static Optional<UnfinishedBills.Mark> earlier(Plan plan) {
    return plan.state() == PlanState.PREVIEWED ? UnfinishedBills.Mark.of(plan.previewJson()) : Optional.empty();
  }

  /** Escapes a Syncro or engine note but keeps the engine's user mentions working. */
  static String note(String note) {
    return ESCAPED_MENTION.matcher(Mrkdwn.escapeAndTruncate(note, 1500)).replaceAll("<@$1>");
  }

  private static String quote(String value) {
    String text = Mrkdwn.escapeAndTruncate(value, FIELD_CHARS);
    return "> " + text.replace("\n", "\n> ");
  }

  public static String slackDate(long epochSecond) {
    return DisplayTime.local(java.time.Instant.ofEpochSecond(epochSecond));
  }

  public static ButtonElement button(String actionId, String text, String value, @Nullable String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(text, true))
        .value(Mrkdwn.truncate(value, 2000))
        .style(style)
        .build();
  }

  public static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder()
        .elements(List.of(markdownText(Mrkdwn.truncate(mrkdwn, 2000))))
        .build();
  }
}
