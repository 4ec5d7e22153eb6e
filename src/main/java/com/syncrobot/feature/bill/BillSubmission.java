package com.syncrobot.feature.bill;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanRequests;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import com.syncrobot.syncro.TicketNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Submission of the bill modal and of the timers modal. Bad values are flagged on their field inside
 * the ack (R4: minutes whole 1..1440, a labour type, the work done); nothing is stored or sent then. An
 * accepted submission closes the modal and the plan is built off-thread and previewed (R1).
 */
public final class BillSubmission implements ViewSubmissionHandler {
  private final PlanRequests requests;
  private final DeliveryLog deliveries;
  private final BillPlanner planner;
  private final boolean timers;

  private BillSubmission(PlanRequests requests, DeliveryLog deliveries, BillPlanner planner, boolean timers) {
    this.requests = requests;
    this.deliveries = deliveries;
    this.planner = planner;
    this.timers = timers;
  }

  public static BillSubmission bill(PlanRequests requests, DeliveryLog deliveries, BillPlanner planner) {
    return new BillSubmission(requests, deliveries, planner, false);
  }

  public static BillSubmission timers(PlanRequests requests, DeliveryLog deliveries, BillPlanner planner) {
    return new BillSubmission(requests, deliveries, planner, true);
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String errorBlock = timers ? BillModal.TIMERS : BillModal.MINUTES;
    Optional<CommentModal.Meta> meta = CommentModal.Meta.fromJson(
        String.valueOf(req.getPayload().getView().getPrivateMetadata()));
    if (meta.isEmpty()) {
      return ctx.ackWithErrors(Map.of(errorBlock, "This dialog is out of date; close it and run the command again."));
    }
    Map<String, Map<String, ViewState.Value>> values = ViewValues.of(req.getPayload().getView());
    CommentModal.Meta m = meta.get();
    PlanRequests.PlanMaker maker;
    boolean drafts = false;
    if (timers) {
      List<Long> chosen = chosenTimers(values);
      if (chosen.isEmpty()) {
        return ctx.ackWithErrors(Map.of(BillModal.TIMERS, "Choose at least one timer to charge."));
      }
      maker = (api, user, ticket, clock, ttl) -> planner.chargeTimers(m, chosen, api, user, ticket, clock, ttl);
    } else {
      BillFields f = BillFields.of(values);
      Map<String, String> errors = f.errors();
      if (!errors.isEmpty()) {
        return ctx.ackWithErrors(errors);
      }
      // the form resolved the number: the ticket arrives read by id (its detail); else it is read here
      maker = m.ticketId() > 0 ? (api, user, ticket, clock, ttl) -> planner.bill(m, f, api, user, ticket, clock, ttl)
          : (api, user, ticket, clock, ttl) -> planner.bill(m, f, api, user, api.ticket(ticket.id()), clock, ttl);
      drafts = f.draft();
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    String userId = req.getPayload().getUser().getId();
    TicketNumber number = new TicketNumber(m.number());
    boolean queued = !timers && m.ticketId() > 0
        ? requests.submitResolved(m.kind(), drafts, userId, number, m.ticketId(), m.responseUrl(), maker)
        : requests.submit(m.kind(), drafts, userId, number, m.responseUrl(), maker);
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(errorBlock, UserMessages.BUSY));
  }

  private static List<Long> chosenTimers(@Nullable Map<String, Map<String, ViewState.Value>> values) {
    Map<String, ViewState.Value> b = values == null ? null : values.get(BillModal.TIMERS);
    ViewState.Value v = b == null ? null : b.get(CommentModal.VALUE);
    if (v == null || v.getSelectedOptions() == null) {
      return List.of();
    }
    return v.getSelectedOptions().stream().map(o -> o.getValue())
        .filter(s -> s != null && s.matches("[1-9][0-9]{0,17}")).map(Long::parseLong).distinct().toList();
  }
}
