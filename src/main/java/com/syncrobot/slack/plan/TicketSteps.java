package com.syncrobot.slack.plan;

import com.syncrobot.billing.Visibility;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import com.syncrobot.write.TicketRef;
import java.util.List;
import java.util.Map;

/**
 * Builds the plans of the ticket commands (R1): the exact Syncro requests, each with the check that
 * verifies an unknown outcome (R2). Comments go flat as {@code {subject, body, hidden, do_not_email,
 * tech}}, never wrapped and never with product_id, minutes_spent or bill_time_now.
 */
public final class TicketSteps {
  private TicketSteps() {}

  public static TicketRef ref(Ticket t) {
    return new TicketRef(t.id(), t.number(), t.subject(), t.customerName());
  }

  /** Returns the write that posts a comment on {@code ticket}. */
  static SyncroWrite comment(Ticket ticket, ConnectedUser user, String subject, String html, Visibility audience) {
    return SyncroWrites.addComment(ticket.id(), subject, html, audience.hidden(), audience.doNotEmail(),
        user.syncroUserName());
  }

  /** Returns the write that changes only {@code fields} of {@code ticket}. */
  public static SyncroWrite ticketFields(Ticket ticket, Map<String, String> fields) {
    return SyncroWrites.updateTicket(ticket.id(), fields);
  }

  public static Plan.Builder start(String kind, ConnectedUser user, String channelId, Ticket ticket, String title,
      PreviewData data, String responseUrl) {
    return Plan.builder()
        .kind(kind)
        .owner(user.slackUserId(), user.syncroUserId(), user.syncroUserName())
        .channel(channelId)
        .ticket(ref(ticket))
        .title(title)
        .previewJson(data.toJson())
        .responseUrl(responseUrl);
  }

  /**
   * Adds the comment step with its CommentExists check; {@code known} are the ticket's comments now
   * (all of them, e.g. the ticket detail's or {@link SyncroApi#comments}), which never count as the new one.
   */
  public static Plan.Builder commentStep(Plan.Builder b, Ticket ticket, List<Comment> known, ConnectedUser user,
      String label,
      String subject, String html, Visibility audience) {
    return b.step(label, comment(ticket, user, subject, html, audience),
        new Check.CommentExists(ticket.id(), subject, html, known.stream().map(Comment::id).toList()));
  }

  /** Adds the status/priority step with its TicketFieldsAre check. */
  public static Plan.Builder fieldsStep(Plan.Builder b, Ticket ticket, String label, Map<String, String> fields) {
    return b.step(label, ticketFields(ticket, fields), new Check.TicketFieldsAre(ticket.id(), fields));
  }
}
