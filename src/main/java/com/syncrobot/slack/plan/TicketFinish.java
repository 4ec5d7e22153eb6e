package com.syncrobot.slack.plan;

import com.syncrobot.slack.blocks.Mrkdwn;

import com.syncrobot.write.Check;
import com.syncrobot.write.FollowUp;
import com.syncrobot.write.Plan;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import com.syncrobot.write.TicketRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * "Finish the remaining steps" of a plan on an existing ticket (close, bill, update, ...) that stopped
 * part-way on a definite refusal: a new plan with exactly the steps that did not happen, read checks
 * included (a billing's invoice check reads the new invoice's total), previewed with the records the
 * first plan already made named in words and confirmed like any plan (R1). Nothing done is sent again
 * (R2). Stateless.
 */
public final class TicketFinish {
  private static final String SUFFIX = "-finish";
  /** The kind of a billing's follow-up, which is a billing too (its invoice and result). */
  public static final String BILL_KIND = "bill" + SUFFIX;

  private TicketFinish() {}

  /** Returns the kind of the plan a follow-up finishes (its own kind without "-finish"). */
  public static String baseKind(Plan plan) {
    return plan.kind().endsWith(SUFFIX) ? plan.kind().substring(0, plan.kind().length() - SUFFIX.length())
        : plan.kind();
  }

  /** Returns the follow-up's kind: the plan's own with "-finish" (once, also for a finish of a finish). */
  static String kind(Plan plan) {
    return plan.kind().endsWith(SUFFIX) ? plan.kind() : plan.kind() + SUFFIX;
  }

  /**
   * Returns the follow-up of {@code plan}, which has a ticket and whose {@link FollowUp#refusal(Plan)} is
   * empty, unsaved.
   */
  static Plan followUp(Plan plan, Clock clock, Duration ttl) {
    TicketRef ticket = Objects.requireNonNull(plan.ticket(), "ticket");
    PreviewData original = PreviewData.fromJson(plan.previewJson(), "/syncro");
    List<PreviewData.Field> fields = List.of(new PreviewData.Field("Already in Syncro from the first try, not sent"
        + " again", String.join("\n", made(plan))));
    List<String> notes = List.of("Finishes “" + plan.title() + "”, which stopped part-way: only the steps below"
        + " are sent, once you confirm.");
    PlanMemo extras = PlanMemo.of(plan.previewJson());
    PlanMemo carried = new PlanMemo(extras.zone(), extras.threadChannel(), extras.threadTs(), null,
        extras.customerName(), extras.subject());
    Plan.Builder b = Plan.builder().kind(kind(plan))
        .owner(plan.slackUserId(), plan.syncroUserId(), plan.syncroUserName())
        .channel(plan.channelId())
        .ticket(ticket)
        .title(Mrkdwn.truncate("Finish #" + ticket.number().value() + ": "
            + String.join(", ", FollowUp.remainingLabels(plan)), 140))
        .previewJson(carried.json(new PreviewData(original.rerun(), null, fields, notes)));
    return FollowUp.remaining(plan, b).build(clock.instant(), ttl);
  }

  /**
   * Returns the records {@code plan} made in Syncro, one line each in words: a billing's line item with
   * its quantity, product, price and total in dollars; any other write by its label; with Syncro's id.
   */
  static List<String> made(Plan plan) {
    PreviewData.Billing billing = PreviewData.fromJson(plan.previewJson(), "/syncro").billing();
    List<String> lines = new ArrayList<>();
    for (Step s : plan.steps()) {
      if (s.isRead() || s.state() != StepState.DONE) {
        continue;
      }
      String id = s.resultId() == null ? "" : " (Syncro id " + s.resultId() + ")";
      if (s.check() instanceof Check.LineItemExists && billing != null) {
        lines.add("Line item: " + lineInWords(billing) + id + ", on the ticket");
      } else {
        lines.add(s.label() + id);
      }
    }
    return lines;
  }

  /** Returns e.g. {@code 0.75 × Labor - Remote Business at $150.00 = $112.50}. */
  static String lineInWords(PreviewData.Billing billing) {
    return billing.quantity() + " × " + billing.productName() + " at $" + billing.rate() + " = $" + billing.total();
  }

  /** Returns the labels of the steps a follow-up would send, quoted, for messages. */
  public static String remaining(Plan plan) {
    return FollowUp.remainingLabels(plan).stream().map(l -> "“" + Mrkdwn.escapeAndTruncate(l, 120) + "”")
        .collect(Collectors.joining(", "));
  }
}
