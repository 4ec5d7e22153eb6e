package com.syncrobot.feature.comment;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.write.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Submission of the update modal: a plan with one {@code PUT /tickets/{id}} holding only the
 * fields that change, checked by reading the ticket back (R1, R2).
 */
public record UpdateSubmission(PlanRequests requests, DeliveryLog deliveries) implements ViewSubmissionHandler {
  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Optional<CommentModal.Meta> meta = CommentModal.Meta.fromJson(
        String.valueOf(req.getPayload().getView().getPrivateMetadata()));
    Map<String, Map<String, ViewState.Value>> values = ViewValues.of(req.getPayload().getView());
    String status = selected(values, UpdateModal.STATUS);
    String priority = selected(values, UpdateModal.PRIORITY);
    if (meta.isEmpty() || status == null) {
      return ctx.ackWithErrors(Map.of(UpdateModal.STATUS, "Choose a status."));
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    CommentModal.Meta m = meta.get();
    boolean queued = requests.submit("update", req.getPayload().getUser().getId(), new TicketNumber(m.number()),
        m.responseUrl(), (api, user, ticket, clock, ttl) -> {
          Map<String, String> changes = changes(ticket, status, priority);
          List<PreviewData.Field> shown = new ArrayList<>();
          changes.forEach((k, v) -> shown.add(new PreviewData.Field(
              ("status".equals(k) ? "Status: " + ticket.status() : "Priority: " + ticket.priority()) + " →", v)));
          PreviewData data = new PreviewData("/syncro update " + m.number(), null, shown, List.of());
          String title = "Update #" + ticket.number().value() + ": " + String.join(", ", changes.values());
          Plan.Builder b = TicketSteps.start("update", user,
              m.channelId().isEmpty() ? user.slackUserId() : m.channelId(),
              ticket, Mrkdwn.truncate(title, 140), data, m.responseUrl());
          TicketSteps.fieldsStep(b, ticket, "Set " + String.join(", ", changes.keySet().stream()
              .map(k -> k + " " + changes.get(k)).toList()), changes);
          return b.build(clock.instant(), ttl);
        });
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(UpdateModal.STATUS, UserMessages.BUSY));
  }

  /** Returns only the fields that differ from the ticket; refuses when nothing would change. */
  static Map<String, String> changes(Ticket ticket, String status, @Nullable String priority) {
    Map<String, String> changes = new LinkedHashMap<>();
    if (!status.equals(ticket.status())) {
      changes.put("status", status);
    }
    if (priority != null && !Objects.equals(priority, ticket.priority())) {
      changes.put("priority", priority);
    }
    if (changes.isEmpty()) {
      throw new PlanRequests.Refusal("Nothing to change: #" + ticket.number().value() + " is already "
          + Mrkdwn.escapeAndTruncate(ticket.status(), 60) + (ticket.priority() == null ? ""
              : ", priority " + Mrkdwn.escapeAndTruncate(ticket.priority(), 30))
          + ". Nothing was sent.");
    }
    return changes;
  }

  private static @Nullable String selected(@Nullable Map<String, Map<String, ViewState.Value>> values, String block) {
    return ViewValues.selected(ViewValues.value(values, block, CommentModal.VALUE));
  }
}
