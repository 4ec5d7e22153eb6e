package com.syncrobot.slack.plan;

import com.syncrobot.feature.create.AppointmentTimes;
import com.syncrobot.feature.create.CreatePlans;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.syncro.Appointment;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroWrite;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.write.FollowUp;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanListener;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.Step;
import com.syncrobot.write.StepState;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results of the create, move and message-shortcut plans: the new ticket's number on its
 * message (R26, read from {@code .ticket.number}), and when a later step did not happen, that the
 * ticket exists and a button to finish the rest (never a second ticket, R2); a moved appointment's
 * {@code start_at} read back and compared with what was asked (R15); for a plan on a ticket (close,
 * bill, ...) that stopped part-way on a refusal, what it already made and the same finish button; and,
 * for a plan that came from a Slack message, its result posted once in that message's thread.
 * Thread-safe.
 */
public final class PlanResults implements ResultAddendum, PlanListener {
  static final String FINISH = "create_finish";
  static final Set<String> CREATE_KINDS = Set.of(CreatePlans.KIND, FinishButton.KIND);
  public static final String MOVE_KIND = "move-appointment";

  private static final Logger log = LoggerFactory.getLogger(PlanResults.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Optional<SyncroApi>> apis;
  private final SlackOut out;
  private final DeliveryLog once;
  private final Cache<Long, Long> numbers;

  PlanResults(Function<String, Optional<SyncroApi>> apis, SlackOut out, DeliveryLog once, Ticker ticker) {
    this.apis = apis;
    this.out = out;
    this.once = once;
    // Ticket id → number: a ticket's number never changes, so no replica's copy can be out of date.
    this.numbers = Caffeine.newBuilder().maximumSize(1000).expireAfterWrite(Duration.ofHours(6)).ticker(ticker).build();
  }

  @Override
  public Addendum of(Plan plan) {
    try {
      if (CREATE_KINDS.contains(plan.kind())) {
        return created(plan);
      }
      if (MOVE_KIND.equals(plan.kind()) && plan.state() == PlanState.DONE) {
        return new Addendum(movedReadBack(plan), List.of());
      }
      if (plan.ticket() != null && (plan.state() == PlanState.FAILED || plan.state() == PlanState.CANCELLED)
          && FollowUp.refusal(plan).isEmpty()) {
        return stoppedPartWay(plan);
      }
    } catch (RuntimeException e) {
      log.warn("Result of plan {} could not be added: {}", plan.id(), SafeLog.describe(e));
    }
    return Addendum.NONE;
  }

  private Addendum created(Plan plan) {
    Optional<Long> ticketId = ticketId(plan);
    if (ticketId.isEmpty()) {
      return Addendum.NONE;
    }
    String ticket = ticketName(plan, ticketId.get());
    PlanMemo x = PlanMemo.of(plan.previewJson());
    String customer = x.customerName() != null ? x.customerName()
        : plan.ticket() != null ? plan.ticket().customerName() : "";
    switch (plan.state()) {
      case DONE :
        return new Addendum(":ticket: *" + ticket + "* is in Syncro" + (customer.isEmpty() ? "" : " for "
            + Mrkdwn.escapeAndTruncate(customer, 100)) + ".", List.of());
      case FAILED :
      case CANCELLED :
        Optional<String> refusal = FollowUp.refusal(plan);
        if (refusal.isPresent()) {
          return new Addendum("*" + ticket + " exists in Syncro*; " + Mrkdwn.escapeAndTruncate(refusal.get(), 300)
              + ".", List.of());
        }
        String rest = FollowUp.remainingLabels(plan).stream().map(l -> "“" + Mrkdwn.escapeAndTruncate(l, 120) + "”")
            .collect(Collectors.joining(", "));
        List<LayoutBlock> button = List.of(ActionsBlock.builder().blockId("create_finish")
            .elements(List.of(PlanPreview.button(FINISH, "Finish the remaining steps", plan.id(), "primary")))
            .build());
        return new Addendum(":warning: *" + ticket + " was created in Syncro*, but " + rest + " did not happen."
            + " *Finish the remaining steps* prepares them for " + ticket + ": you see them and confirm once more,"
            + " and the ticket is not created again.", button);
      default :
        return new Addendum("*" + ticket + "* exists in Syncro; it is never created twice.", List.of());
    }
  }

  /**
   * A plan on a ticket that stopped part-way on a definite refusal: what it already made, in words, and
   * the button that prepares exactly the rest (never the same records twice, R2).
   */
  private static Addendum stoppedPartWay(Plan plan) {
    String made = TicketFinish.made(plan).stream().map(l -> "• " + Mrkdwn.escapeAndTruncate(l, 200))
        .collect(Collectors.joining("\n"));
    List<LayoutBlock> button = List.of(ActionsBlock.builder().blockId("plan_finish")
        .elements(List.of(PlanPreview.button(FINISH, "Finish the remaining steps", plan.id(), "primary")))
        .build());
    return new Addendum(":warning: *Stopped part-way.* Already in Syncro:\n" + made + "\nNot done: "
        + TicketFinish.remaining(plan) + ". *Finish the remaining steps* prepares exactly those: you see them and"
        + " confirm once more, and nothing above is sent again. Running the command again instead would repeat"
        + " what is already done.", button);
  }

  /** Returns the id of the ticket the plan created or finishes, once known. */
  static Optional<Long> ticketId(Plan plan) {
    if (FinishButton.KIND.equals(plan.kind())) {
      return plan.ticket() == null ? Optional.empty() : Optional.of(plan.ticket().id().value());
    }
    Step first = plan.step(0);
    return first.state() == StepState.DONE ? Optional.ofNullable(first.resultId()) : Optional.empty();
  }

  /** Returns "ticket #N" (R26), or "the ticket (Syncro id N)" when its number cannot be read. */
  String ticketName(Plan plan, long ticketId) {
    Long number = number(plan, ticketId);
    return number == null ? "the ticket (Syncro id " + ticketId + ")" : "ticket #" + number;
  }

  /** Returns the ticket's number: the plan's, the create answer's {@code .ticket.number}, else a read. */
  @Nullable
  Long number(Plan plan, long ticketId) {
    if (plan.ticket() != null && plan.ticket().id().value() == ticketId) {
      return plan.ticket().number().value();
    }
    Long cached = numbers.getIfPresent(ticketId);
    if (cached != null) {
      return cached;
    }
    Long number = numberInAnswer(plan.step(0).resultBody());
    if (number == null) {
      try {
        Optional<SyncroApi> api = apis.apply(plan.slackUserId());
        number = api.isEmpty() ? null : api.get().ticket(new TicketId(ticketId)).number().value();
      } catch (RuntimeException e) {
        log.info("Reading the number of ticket {} failed: {}", ticketId, SafeLog.describe(e));
        return null;
      }
    }
    if (number != null) {
      numbers.put(ticketId, number);
    }
    return number;
  }

  private static @Nullable Long numberInAnswer(@Nullable String body) {
    JsonNode n = read(body).path("ticket").path("number");
    if (n.canConvertToLong() && n.asLong() > 0) {
      return n.asLong();
    }
    if (n.isTextual() && n.asText().matches("\\d{1,18}")) {
      return Long.parseLong(n.asText());
    }
    return null;
  }

  /**
   * Compares the {@code start_at} Syncro returned for the move with the asked start (R15); when the
   * answer holds none (the move was verified by reading), lists the appointment again.
   */
  private String movedReadBack(Plan plan) {
    Step step = plan.step(0);
    ZoneId zone = zone(plan);
    SyncroWrite request = step.request();
    Instant asked = instant(request == null || request.body() == null ? null
        : request.body().path("start_at").asText());
    if (asked == null) {
      return "_The asked start is not readable; open the appointment in Syncro._";
    }
    Instant held = instant(read(step.resultBody()).path("appointment").path("start_at").asText(null));
    String source = "returned by Syncro";
    if (held == null) {
      held = listedStart(plan, asked);
      source = "read back from Syncro";
    }
    if (held == null) {
      return "_Syncro's answer held no start time and the appointment could not be read back; open it in Syncro"
          + " to check it starts " + AppointmentTimes.shown(asked, zone) + "._";
    }
    if (held.equals(asked)) {
      return ":white_check_mark: *Start " + source + ":* " + AppointmentTimes.shown(held, zone) + ", as asked.";
    }
    return ":warning: *Syncro holds a different start:* " + AppointmentTimes.shown(held, zone) + " ("
        + AppointmentTimes.utc(held) + "), not the asked " + AppointmentTimes.shown(asked, zone) + " ("
        + AppointmentTimes.utc(asked) + "). Check the appointment in Syncro.";
  }

  private @Nullable Instant listedStart(Plan plan, Instant asked) {
    Long id = plan.step(0).resultId();
    Optional<SyncroApi> api = apis.apply(plan.slackUserId());
    if (id == null || api.isEmpty()) {
      return null;
    }
    try {
      LocalDate day = asked.atOffset(ZoneOffset.UTC).toLocalDate();
      return api.get().appointments(day.minusDays(1), day.plusDays(1)).stream().filter(a -> a.id() == id)
          .map(Appointment::startAt).map(OffsetDateTime::toInstant).findFirst().orElse(null);
    } catch (RuntimeException e) {
      log.info("Reading back appointment {} failed: {}", id, SafeLog.describe(e));
      return null;
    }
  }

  @Override
  public void planChanged(Plan plan) {
    PlanMemo x = PlanMemo.of(plan.previewJson());
    if (!x.hasThread() || (plan.state() != PlanState.DONE && plan.state() != PlanState.FAILED)) {
      return;
    }
    if (!once.firstTime("thread:" + plan.id())) {
      return;
    }
    out.postInThread(x.threadChannel(), x.threadTs(), Reply.of(threadLine(plan, x)));
  }

  private String threadLine(Plan plan, PlanMemo x) {
    String who = "<@" + plan.slackUserId() + ">";
    boolean done = plan.state() == PlanState.DONE;
    if (CREATE_KINDS.contains(plan.kind())) {
      Optional<Long> id = ticketId(plan);
      String subject = x.subject() == null ? "" : " “" + Mrkdwn.escapeAndTruncate(x.subject(), 120) + "”";
      if (id.isEmpty()) {
        return ":x: " + who + " tried to create a Syncro ticket from this message; it failed and nothing was created.";
      }
      String ticket = ticketName(plan, id.get());
      if (FinishButton.KIND.equals(plan.kind())) {
        return done
            ? ":white_check_mark: " + who + " finished Syncro " + ticket + subject
                + ": the remaining steps went through."
            : ":warning: Finishing Syncro " + ticket + subject + " did not fully go through; the details are in "
                + who + "'s message.";
      }
      return done
          ? ":white_check_mark: " + who + " created Syncro " + ticket + subject + " from this message."
          : ":warning: " + who + " created Syncro " + ticket + subject + " from this message, but not every step went"
              + " through; the details are in their message.";
    }
    String ticket = plan.ticket() == null ? "a Syncro ticket" : "Syncro ticket #" + plan.ticket().number().value();
    if ("comment".equals(plan.kind())) {
      PreviewData data = PreviewData.fromJson(plan.previewJson(), "/syncro");
      String as = data.audience() == null ? "a comment" : switch (data.audience()) {
        case INTERNAL -> "an internal note";
        case PUBLIC -> "a public note (no email)";
        case PUBLIC_EMAIL -> "a public note that emails the customer";
      };
      return done
          ? ":white_check_mark: " + who + " added this message to " + ticket + " as " + as + "."
          : ":x: Adding this message to " + ticket + " failed; nothing was added.";
    }
    return (done ? ":white_check_mark: " : ":x: ") + Mrkdwn.escapeAndTruncate(plan.title(), 200)
        + (done ? " — done." : " — failed.");
  }

  private static ZoneId zone(Plan plan) {
    String id = PlanMemo.of(plan.previewJson()).zone();
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static JsonNode read(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
