package com.syncrobot.feature.assign;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;

import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The plan that assigns a ticket to the technician who asks: one {@code PUT /tickets/{id}} with their own
 * Syncro user id, sent with their token (R11), checked by reading the ticket back (R2). Refused, with
 * nothing stored, when the ticket is already theirs. A Resolved or Invoiced ticket may be assigned; the
 * preview says its status, which assigning does not change.
 */
public final class AssignPlans {
  /** The kind of the plans made here. */
  public static final String KIND = "assign";

  private AssignPlans() {}

  /**
   * Returns the maker of the plan for {@code PlanRequests}.
   *
   * @param channelId where it was asked (a channel or the bot's DM)
   * @param responseUrl the response_url that may update the preview in place (a command's); null for a click's,
   *     whose "original" is the clicked message, never the preview
   */
  static PlanRequests.PlanMaker maker(String channelId, @Nullable String responseUrl) {
    return (api, user, ticket, clock, ttl) -> plan(user, ticket, channelId, responseUrl, clock, ttl);
  }

  /**
   * Returns the plan that assigns {@code ticket} to {@code user}.
   *
   * @throws PlanRequests.Refusal when the ticket is already assigned to them
   */
  static Plan plan(ConnectedUser user, Ticket ticket, String channelId, @Nullable String responseUrl, Clock clock,
      Duration ttl) {
    long number = ticket.number().value();
    Long assigned = ticket.userId();
    if (assigned != null && assigned == user.syncroUserId()) {
      throw new PlanRequests.Refusal("Ticket #" + number + " is already assigned to you ("
          + Mrkdwn.escapeAndTruncate(user.syncroUserName(), 100) + "): nothing to do, and nothing was sent.");
    }
    List<String> notes = new ArrayList<>();
    notes.add("Now: " + now(ticket) + ".");
    if (!ticket.isOpen()) {
      notes.add("#" + number + " is " + ticket.status() + "; assigning it does not change its status.");
    }
    PreviewData data = new PreviewData("/syncro assign " + number, null, List.of(), notes);
    Plan.Builder b = TicketSteps.start(KIND, user, channelId.isEmpty() ? user.slackUserId() : channelId, ticket,
        Mrkdwn.truncate("Assign #" + number + " to " + user.syncroUserName(), 140), data,
        responseUrl == null ? "" : responseUrl);
    b.responseUrl(responseUrl == null || responseUrl.isEmpty() ? null : responseUrl);
    b.step("Assign to " + user.syncroUserName(), SyncroWrites.assignTicket(ticket.id(), user.syncroUserId()),
        new Check.TicketAssigned(ticket.id(), user.syncroUserId()));
    return b.build(clock.instant(), ttl);
  }

  /** Returns who holds the ticket now, in words: "assigned to Dana Kim", or "unassigned". */
  static String now(Ticket ticket) {
    if (ticket.userId() == null) {
      return "unassigned";
    }
    String name = ticket.assignedTechName();
    return name == null || name.isBlank() ? "assigned to another technician" : "assigned to " + name.strip();
  }
}
