package com.syncrobot.feature.create;

import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.RedeliveryFilter;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.ViewValues;
import com.syncrobot.slack.plan.PlanMemo;
import com.syncrobot.slack.plan.PlanRequests;
import com.syncrobot.slack.plan.PlanResults;
import com.syncrobot.slack.plan.PreviewData;
import com.syncrobot.slack.plan.TicketSteps;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrites;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.write.Check;
import com.syncrobot.write.Plan;
import com.syncrobot.write.TicketRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Submission of the move modal: the new start (and end, default keeping the length) checked inside
 * the ack; then, off-thread, the appointment is read again (it may have moved meanwhile) and the plan
 * {@code PUT /appointments/{id} {start_at, end_at}} (UTC) is previewed as old → new with weekdays in
 * the technician's zone (R15). The start Syncro returns is compared after it ran ({@link PlanResults}).
 */
record MoveSubmission(PlanRequests requests, DeliveryLog deliveries, Clock clock)
    implements ViewSubmissionHandler {
  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Optional<MoveModal.Meta> meta = MoveModal.Meta.fromJson(req.getPayload().getView().getPrivateMetadata());
    if (meta.isEmpty()) {
      return ctx.ackWithErrors(Map.of(MoveModal.B_START, "This dialog is out of date; run "
          + "/syncro move-appointment again."));
    }
    String userId = req.getPayload().getUser().getId();
    Map<String, Map<String, ViewState.Value>> values = ViewValues.of(req.getPayload().getView());
    Instant start = time(values, MoveModal.B_START, MoveModal.A_START);
    Instant end = time(values, MoveModal.B_END, MoveModal.A_END);
    ZoneId zone = meta.get().choice().zoneId();
    Map<String, String> errors = errors(meta.get().choice(), start, end, clock.instant(), zone);
    if (!errors.isEmpty() || start == null) {
      return ctx.ackWithErrors(errors);
    }
    if (!deliveries.firstDelivery(RedeliveryFilter.viewKey(req))) {
      return ctx.ack();
    }
    MoveModal.Meta m = meta.get();
    boolean queued = requests.submitNew("move-appointment", false, userId, m.responseUrl(),
        "The appointment's ticket is no longer in Syncro; nothing was prepared.",
        (api, user, c, ttl) -> plan(api, user, m, start, end, c, ttl));
    return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(MoveModal.B_START, UserMessages.BUSY));
  }

  static Map<String, String> errors(MoveModal.Choice c, @Nullable Instant start, @Nullable Instant end, Instant now,
      ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (start == null) {
      errors.put(MoveModal.B_START, "Choose the new start.");
      return errors;
    }
    if (start.isBefore(now.minus(CreateForm.PAST_GRACE))) {
      errors.put(MoveModal.B_START, "The new start (" + AppointmentTimes.shown(start, zone) + ") is in the past.");
    }
    if (end != null && !end.isAfter(start)) {
      errors.put(MoveModal.B_END, "The end (" + AppointmentTimes.shown(end, zone) + ") must be after the start ("
          + AppointmentTimes.shown(start, zone) + ").");
    }
    if (errors.isEmpty() && start.equals(c.startAt()) && (end == null || end.equals(c.endAt()))) {
      errors.put(MoveModal.B_START, "That is when it is already; choose another time.");
    }
    return errors;
  }

  private Plan plan(SyncroApi api, ConnectedUser user, MoveModal.Meta m, Instant start, @Nullable Instant end,
      Clock c, Duration ttl) {
    MoveModal.Choice choice = m.choice();
    ZoneId zone = choice.zoneId();
    List<String> notes = new ArrayList<>();
    Appointment now = current(api, choice);
    Instant oldStart = now.startAt().toInstant();
    Instant oldEnd = now.endAt() == null ? null : now.endAt().toInstant();
    if (!oldStart.equals(choice.startAt())) {
      notes.add("It was moved meanwhile: it starts " + AppointmentTimes.shown(oldStart, zone) + " now, not "
          + AppointmentTimes.shown(choice.startAt(), zone) + " as listed.");
    }
    Duration length = oldEnd == null || !oldEnd.isAfter(oldStart) ? choice.length()
        : Duration.between(oldStart, oldEnd);
    Instant newEnd = end != null ? end : start.plus(length);
    TicketRef ticket = null;
    if (choice.ticketId() != null) {
      Ticket t = api.ticket(new TicketId(choice.ticketId()));
      ticket = TicketSteps.ref(t);
    }
    List<PreviewData.Field> shown = List.of(
        new PreviewData.Field("Appointment", MoveModal.describe(choice) + "\n" + choice.summary()),
        new PreviewData.Field("From", AppointmentTimes.shown(oldStart, zone)
            + (oldEnd == null ? "" : " → " + AppointmentTimes.shown(oldEnd, zone))),
        new PreviewData.Field("To", AppointmentTimes.shown(start, zone) + " → " + AppointmentTimes.shown(newEnd, zone)
            + " (" + AppointmentTimes.duration(Duration.between(start, newEnd)) + ")"));
    notes.add("Times are in your Slack time zone (" + zone.getId() + "); Syncro gets UTC: "
        + AppointmentTimes.utc(start) + " to " + AppointmentTimes.utc(newEnd) + ".");
    PreviewData data = new PreviewData("/syncro move-appointment", null, shown, notes);
    PlanMemo extras = new PlanMemo(zone.getId(), null, null, null, choice.customer(), null);
    return Plan.builder()
        .kind(PlanResults.MOVE_KIND)
        .owner(user.slackUserId(), user.syncroUserId(), user.syncroUserName())
        .channel(m.channelId().isEmpty() ? user.slackUserId() : m.channelId())
        .ticket(ticket)
        .title(Mrkdwn.truncate("Move appointment: " + AppointmentTimes.brief(oldStart, zone) + " → "
            + AppointmentTimes.brief(start, zone), 140))
        .previewJson(extras.json(data))
        .responseUrl(m.responseUrl().isEmpty() ? null : m.responseUrl())
        .step("Move the appointment to " + AppointmentTimes.brief(start, zone),
            SyncroWrites.moveAppointment(choice.id(), start, newEnd),
            new Check.AppointmentAt(choice.id(), null, start))
        .build(c.instant(), ttl);
  }

  /** Reads the appointment again around its listed start; it may have been moved or deleted meanwhile. */
  private static Appointment current(SyncroApi api, MoveModal.Choice choice) {
    LocalDate day = choice.startAt().atOffset(ZoneOffset.UTC).toLocalDate();
    return api.appointments(day.minusDays(1), day.plusDays(1)).stream().filter(a -> a.id() == choice.id())
        .findFirst().orElseThrow(() -> new PlanRequests.Refusal("The appointment is no longer in Syncro around "
            + day + " (deleted or moved meanwhile?); nothing was prepared. Run /syncro move-appointment again."));
  }

  private static @Nullable Instant time(@Nullable Map<String, Map<String, ViewState.Value>> values, String block,
      String action) {
    ViewState.Value v = ViewValues.value(values, block, action);
    return v == null || v.getSelectedDateTime() == null ? null : Instant.ofEpochSecond(v.getSelectedDateTime());
  }

}
