package com.syncrobot.slack.plan;

import com.syncrobot.feature.bill.UnfinishedBills;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.write.FollowUp;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import com.syncrobot.write.StepState;
import com.syncrobot.write.TicketRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Finish the remaining steps" on a plan that stopped part-way: a ticket creation that stopped after
 * the ticket was created (the ticket's id filled in, the ticket never in it, R2), or a plan on an
 * existing ticket such as a billing whose invoice Syncro refused ({@link TicketFinish}). Prepares a new
 * plan with only the steps that did not happen and previews it beside the old message; its owner
 * confirms it like any other (R1). One follow-up at a time per plan: asked again, the prepared one is
 * shown again; another is made only once the previous one ended with nothing changed in Syncro.
 */
public final class FinishButton {
  static final String KIND = "create-finish";
  private static final Logger log = LoggerFactory.getLogger(FinishButton.class);

  private final PlanStore store;
  private final Function<String, Optional<SyncroApi>> apis;
  private final SlackOut out;
  private final WorkQueue work;
  private final DeliveryLog once;
  private final PlanResults results;
  private final Clock clock;
  private final Duration ttl;

  FinishButton(PlanStore store, Function<String, Optional<SyncroApi>> apis, SlackOut out, WorkQueue work,
      DeliveryLog once, PlanResults results, Clock clock, Duration ttl) {
    this.store = store;
    this.apis = apis;
    this.out = out;
    this.work = work;
    this.once = once;
    this.results = results;
    this.clock = clock;
    this.ttl = ttl;
  }

  BlockActionHandler handler() {
    return (req, ctx) -> {
      Optional<PlanClick> click = PlanClick.of(req);
      if (click.isPresent() && !work.submit("finish plan", () -> run(click.get()))) {
        tell(click.get(), UserMessages.BUSY);
      }
      return ctx.ack();
    };
  }

  /**
   * Prepares (or shows again) the follow-up of the plan {@code click} names and tells its owner, through
   * the click's response_url or else by DM: from the result's button and from the bill form.
   */
  public void run(PlanClick click) {
    Optional<Plan> found = store.find(click.planId());
    boolean create = found.isPresent() && PlanResults.CREATE_KINDS.contains(found.get().kind());
    if (found.isEmpty() || (!create && found.get().ticket() == null)) {
      tell(click, "That plan no longer exists; nothing was prepared.");
      return;
    }
    Plan plan = found.get();
    if (!plan.isOwnedBy(click.userId())) {
      tell(click, ":no_entry: Only <@" + plan.slackUserId() + ">, who asked for this, can finish it. Nothing was"
          + " changed.");
      return;
    }
    Optional<String> refusal = FollowUp.refusal(plan);
    Optional<Long> ticketId = create ? PlanResults.ticketId(plan) : Optional.of(plan.ticket().id().value());
    if (refusal.isPresent() || ticketId.isEmpty()) {
      tell(click, "This cannot be finished from here: " + Mrkdwn.escapeAndTruncate(refusal.orElse(
          "the ticket was not created"), 300) + ".");
      return;
    }
    PlanMemo extras = PlanMemo.of(plan.previewJson());
    String previous = extras.followUp();
    if (previous != null && !replaceable(previous)) {
      Optional<Plan> earlier = store.find(previous);
      if (earlier.isPresent() && earlier.get().state() == PlanState.PREVIEWED
          && earlier.get().expiresAt().isAfter(clock.instant())) {
        // asked again (e.g. from the bill form): the prepared one, not a second
        tell(click, PlanPreview.render(earlier.get(), null));
        return;
      }
      if (earlier.isPresent() && earlier.get().state() == PlanState.DONE) {
        tell(click, "This was already finished by “" + Mrkdwn.escapeAndTruncate(earlier.get().title(), 150)
            + "”; nothing more was prepared.");
        return;
      }
      tell(click, "The remaining steps are already prepared or being sent; see that message. Nothing more was"
          + " prepared.");
      return;
    }
    Optional<String> gone = create ? Optional.empty() : invoicedSince(plan);
    if (gone.isPresent()) {
      tell(click, gone.get());
      return;
    }
    // two clicks at once must not both prepare one: the key names the follow-up this one replaces
    if (!once.firstTime("finish:" + plan.id() + ":" + Objects.requireNonNullElse(previous, "none"))) {
      tell(click, "The remaining steps are already being prepared; nothing more was prepared.");
      return;
    }
    Plan followUp;
    if (create) {
      Long number = results.number(plan, ticketId.get());
      if (number == null) {
        tell(click, "Could not read the new ticket's number from Syncro just now; try again in a minute.");
        return;
      }
      followUp = createFollowUp(plan, extras, ticketId.get(), number);
    } else {
      followUp = TicketFinish.followUp(plan, clock, ttl);
    }
    store.create(followUp);
    PreviewData original = PreviewData.fromJson(plan.previewJson(), "/syncro");
    store.setPreviewJson(plan.id(), extras.withFollowUp(followUp.id()).json(original));
    log.info("plan {} is finished by follow-up {}", plan.id(), followUp.id());
    tell(click, PlanPreview.render(followUp, null));
  }

  /**
   * For a billing that owes its invoice: a message when its line is no longer uninvoiced on the ticket
   * (invoiced with other work, or removed, since), so finishing would invoice nothing of it.
   */
  private Optional<String> invoicedSince(Plan plan) {
    if (!UnfinishedBills.owesInvoice(plan) || plan.ticket() == null) {
      return Optional.empty();
    }
    String n = "#" + plan.ticket().number().value();
    try {
      Optional<SyncroApi> api = apis.apply(plan.slackUserId());
      if (api.isEmpty()) {
        return Optional.of(UserMessages.NOT_CONNECTED);
      }
      Ticket ticket = api.get().ticket(plan.ticket().id());
      return UnfinishedBills.of(plan, ticket).isPresent() ? Optional.empty()
          : Optional.of("The line item of this billing is no longer uninvoiced on " + n + ": it was invoiced (or"
              + " removed) since, so there is nothing left to finish here. Nothing was prepared; look at " + n
              + " in Syncro.");
    } catch (RuntimeException e) {
      log.info("Reading {} before finishing plan {} failed: {}", n, plan.id(), SafeLog.describe(e));
      return Optional.of("Could not read " + n + " from Syncro just now; nothing was prepared. Try again in a"
          + " minute.");
    }
  }

  private Plan createFollowUp(Plan plan, PlanMemo extras, long ticketId, long number) {
    TicketRef ticket = new TicketRef(new TicketId(ticketId), new TicketNumber(number),
        plan.ticket() != null ? plan.ticket().subject() : Objects.requireNonNullElse(extras.subject(), ""),
        plan.ticket() != null ? plan.ticket().customerName() : Objects.requireNonNullElse(extras.customerName(), ""));
    PreviewData original = PreviewData.fromJson(plan.previewJson(), "/syncro create");
    List<PreviewData.Field> fields = new ArrayList<>();
    for (PreviewData.Field f : original.fields()) {
      if (f.label().startsWith("Initial Issue") || f.label().startsWith("Appointment")) {
        fields.add(f);
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("Finishes “" + plan.title() + "”: ticket #" + number + " exists already and is not created again;"
        + " only the steps below are sent.");
    original.notes().stream().filter(n -> n.startsWith("Times are") || n.startsWith("“Do not invite”"))
        .forEach(notes::add);
    PreviewData data = new PreviewData(original.rerun(), original.audience(), fields, notes);
    PlanMemo carried = new PlanMemo(extras.zone(), extras.threadChannel(), extras.threadTs(), null,
        ticket.customerName(), ticket.subject());
    Plan.Builder b = Plan.builder().kind(KIND)
        .owner(plan.slackUserId(), plan.syncroUserId(), plan.syncroUserName())
        .channel(plan.channelId())
        .ticket(ticket)
        .title(Mrkdwn.truncate("Finish #" + number + ": " + String.join(", ", FollowUp.remainingLabels(plan)), 140))
        .previewJson(carried.json(data));
    return FollowUp.remaining(plan, b).build(clock.instant(), ttl);
  }

  /**
   * Returns whether the earlier follow-up ended without changing anything in Syncro (expired, cancelled,
   * or refused at its first write), so another may be made.
   */
  private boolean replaceable(String followUpId) {
    Optional<Plan> earlier = store.find(followUpId);
    if (earlier.isEmpty()) {
      return true;
    }
    Plan p = earlier.get();
    if (p.state() == PlanState.EXPIRED || p.state() == PlanState.CANCELLED) {
      return p.steps().stream().allMatch(s -> s.state() == StepState.PENDING);
    }
    return p.state() == PlanState.FAILED
        && p.steps().stream().allMatch(s -> s.state() == StepState.PENDING || s.state() == StepState.FAILED);
  }

  private void tell(PlanClick click, String mrkdwn) {
    tell(click, Reply.of(mrkdwn));
  }

  private void tell(PlanClick click, Reply reply) {
    if (click.responseUrl() == null || !out.ephemeral(click.responseUrl(), reply)) {
      out.post(click.userId(), reply);
    }
  }
}
