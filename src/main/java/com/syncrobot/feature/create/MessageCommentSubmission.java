package com.syncrobot.feature.create;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.SlackMessageText;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanMemo;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PlanResults;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;
import com.syncrobot.slack.plan.VisibilityText;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import com.syncrobot.billing.Visibility;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.text.CommentHtml;
import com.syncrobot.text.Secret;
import com.syncrobot.write.Plan;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Submission of the "Add to Syncro ticket" modal: checks the number and the text inside the ack,
 * then the ordinary comment plan and preview (R1, R26: a number, resolved to the ticket), with the
 * message text as plain text and a link back to the Slack message; the result also goes to the
 * message's thread ({@link PlanResults}).
 */
public final class MessageCommentSubmission implements ViewSubmissionHandler {
  private final PlanRequests requests;
  private final DeliveryLog deliveries;
  private final SlackOut out;

  MessageCommentSubmission(PlanRequests requests, DeliveryLog deliveries, SlackOut out) {
    this.requests = requests;
    this.deliveries = deliveries;
    this.out = out;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Optional<MessageCommentModal.Meta> meta = MessageCommentModal.Meta.fromJson(
        req.getPayload().getView().getPrivateMetadata());
    if (meta.isEmpty()) {
      return ctx.ackWithErrors(Map.of(MessageCommentModal.B_TICKET, "This dialog is out of date; use the shortcut"
          + " again."));
    }
    Map<String, Map<String, ViewState.Value>> values = ViewValues.of(req.getPayload().getView());
    String typed = ViewValues.text(value(values, MessageCommentModal.B_TICKET)).strip();
    String text = ViewValues.text(value(values, MessageCommentModal.B_TEXT)).strip();
    Visibility audience = audience(value(values, MessageCommentModal.B_AUDIENCE));
    Optional<TicketNumber> number = TicketNumber.parse(typed);
    Map<String, String> errors = new LinkedHashMap<>();
    if (number.isEmpty()) {
      errors.put(MessageCommentModal.B_TICKET, typed.isEmpty() ? "Which ticket? Type its number, e.g. 32203."
          : "“" + Mrkdwn.truncate(typed, 40) + "” is not a ticket number; type one like 32203.");
    }
    if (text.isEmpty()) {
      errors.put(MessageCommentModal.B_TEXT, "The comment is empty; nothing would be sent.");
    } else if (text.length() > CreateForm.MAX_DESCRIPTION) {
      errors.put(MessageCommentModal.B_TEXT, "The comment is " + text.length() + " characters; the limit is "
          + CreateForm.MAX_DESCRIPTION + ".");
    } else if (audience.customerVisible()) {
      Secret.find(text, true).map(Secret::shape)
          .ifPresent(s -> errors.put(MessageCommentModal.B_TEXT, "This comment is visible to"
              + " the customer and contains " + s + ". Remove it, or make it an internal note."));
    }
    if (!errors.isEmpty() || number.isEmpty()) {
      return ctx.ackWithErrors(errors);
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    MessageCommentModal.Meta m = meta.get();
    boolean queued = requests.submit("comment", req.getPayload().getUser().getId(), number.get(), m.responseUrl(),
        (api, user, ticket, clock, ttl) -> plan(m, text, audience, api, user, ticket, clock, ttl));
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(MessageCommentModal.B_TICKET, UserMessages.BUSY));
  }

  private Plan plan(MessageCommentModal.Meta m, String text, Visibility audience, SyncroApi api, ConnectedUser user,
      Ticket ticket, Clock clock, Duration ttl) {
    String link = Objects.requireNonNullElseGet(out.permalink(m.channelId(), m.messageTs()), m::fallbackPermalink);
    String href = SlackMessageText.html(link);
    String html = SlackMessageText.html(text) + "<br><br>From Slack: <a href=\"" + href + "\">" + href + "</a>";
    List<PreviewData.Field> shown = List.of(
        new PreviewData.Field("Subject", MessageCommentModal.SUBJECT),
        new PreviewData.Field("Comment", CommentHtml.toText(html)));
    PreviewData data = new PreviewData("/syncro comment " + ticket.number().value(), audience, shown,
        List.of("The comment links back to the Slack message; the result is also posted in its thread."));
    PlanMemo extras = new PlanMemo(null, m.channelId(), m.threadTs(), null, ticket.customerName(), null);
    Plan.Builder b = TicketSteps.start("comment", user, m.channelId().isEmpty() ? user.slackUserId() : m.channelId(),
        ticket, VisibilityText.label(audience) + " on #" + ticket.number().value() + " (from Slack)", data,
        m.responseUrl())
        .previewJson(extras.json(data));
    if (m.responseUrl().isEmpty()) {
      b.responseUrl(null);
    }
    // a ticket from the list carries no comments: read them, so that none of them passes for the new one
    TicketSteps.commentStep(b, ticket, api.comments(ticket.id()), user,
        "Post " + VisibilityText.label(audience).toLowerCase(Locale.ROOT),
        MessageCommentModal.SUBJECT, html, audience);
    return b.build(clock.instant(), ttl);
  }

  private static ViewState.@Nullable Value value(@Nullable Map<String, Map<String, ViewState.Value>> values,
      String block) {
    return ViewValues.value(values, block, MessageCommentModal.VALUE);
  }

  private static Visibility audience(ViewState.@Nullable Value v) {
    if (v == null || v.getSelectedOption() == null) {
      return Visibility.INTERNAL;
    }
    try {
      return Visibility.parse(v.getSelectedOption().getValue());
    } catch (IllegalArgumentException e) {
      return Visibility.INTERNAL;
    }
  }
}
