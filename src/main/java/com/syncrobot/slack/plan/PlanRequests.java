package com.syncrobot.slack.plan;

import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Reply;

import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a submitted ticket command into a stored plan and its preview, off Slack's thread: reads
 * the asker's token (R11), resolves the typed number to the ticket (R26), lets the command build
 * the plan, stores it BEFORE showing it (R1), and posts the preview through the command's
 * response_url (a DM if that fails). Every refusal is a plain message to the asker (R17). Thread-safe.
 */
public final class PlanRequests {
  private static final Logger log = LoggerFactory.getLogger(PlanRequests.class);

  /** Builds one command's plan for a resolved ticket; throws {@link Refusal} to stop with a message. */
  public interface PlanMaker {
    Plan make(SyncroApi api, ConnectedUser user, Ticket ticket, Clock clock, Duration ttl);
  }

  /** Builds a plan that writes to no existing ticket (e.g. one that creates it). */
  public interface NewPlanMaker {
    Plan make(SyncroApi api, ConnectedUser user, Clock clock, Duration ttl);
  }

  /** Stops a plan with a message for the asker (already escaped mrkdwn). */
  public static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refusal(String mrkdwn) {
      super(mrkdwn, null, false, false);
    }
  }

  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final PlanStore store;
  private final WorkQueue work;
  private final WorkQueue slow;
  private final SlackOut out;
  private final Clock clock;
  private final Duration ttl;

  /** How long held work waits for its "Queued" notice to be told before it goes on regardless. */
  private static final Duration NOTICE_AT_MOST = Duration.ofSeconds(10);

  /** {@code slow} runs the plans whose texts the language model drafts, so no click waits behind the model. */
  PlanRequests(ConnectedUserStore users, SyncroClient syncro, PlanStore store, WorkQueue work, WorkQueue slow,
      SlackOut out, Clock clock, Duration ttl) {
    this.users = users;
    this.syncro = syncro;
    this.store = store;
    this.work = work;
    this.slow = slow;
    this.out = out;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * Queues the work; false when the queue is full (the caller tells the user to try again). When Syncro's
   * request budget holds it back, the asker is told at once that the preview is queued and for about how long.
   */
  public boolean submit(String what, String userId, TicketNumber number, String responseUrl, PlanMaker maker) {
    return submit(what, false, userId, number, responseUrl, maker);
  }

  /** As {@link #submit(String, String, TicketNumber, String, PlanMaker)}; {@code drafts}: the model writes its texts. */
  public boolean submit(String what, boolean drafts, String userId, TicketNumber number, String responseUrl,
      PlanMaker maker) {
    return queue(drafts, what, userId, responseUrl, () -> run(what, userId, number, responseUrl, maker));
  }

  /**
   * As {@link #submit(String, boolean, String, TicketNumber, String, PlanMaker)} for a form that already
   * resolved {@code number} to {@code ticketId} (R26): the ticket's detail is read by that id, once, and
   * handed to {@code maker}, instead of resolving the number again; a detail of another number is refused.
   */
  public boolean submitResolved(String what, boolean drafts, String userId, TicketNumber number, long ticketId,
      String responseUrl, PlanMaker maker) {
    if (ticketId <= 0) {
      throw new IllegalArgumentException("ticket id must be positive: " + ticketId);
    }
    String notFound = TicketCommand.notFound(number);
    return queue(drafts, what, userId, responseUrl, () -> run(what, userId, responseUrl, notFound, (api, user) -> {
      Ticket ticket = api.ticket(new TicketId(ticketId));
      if (!ticket.number().equals(number)) {
        throw new Refusal("Ticket #" + number.value() + " is no longer the ticket this dialog was opened for;"
            + " nothing was sent. Run the command again.");
      }
      return Optional.of(maker.make(api, user, ticket, clock, ttl));
    }));
  }

  /**
   * Queues a plan that needs no existing ticket; false when the queue is full. {@code notFound} is
   * the message when Syncro answers 404 while it is made; {@code drafts}: the model writes its texts.
   */
  public boolean submitNew(String what, boolean drafts, String userId, String responseUrl, String notFound,
      NewPlanMaker maker) {
    return queue(drafts, what, userId, responseUrl,
        () -> run(what, userId, responseUrl, notFound, (api, user) -> Optional.of(maker.make(api, user, clock, ttl))));
  }

  /** Queues {@code task}, which makes a plan from Syncro's data; tells the asker when the budget holds it back. */
  private boolean queue(boolean drafts, String what, String userId, String responseUrl, Runnable task) {
    WorkQueue queue = drafts ? slow : work;
    Optional<Duration> wait = queue.heldBack();
    // Held work may start at once and then wait inside the budget: the notice goes out first, so the preview
    // never comes before it (the work waits for the budget far longer than the notice takes).
    CountDownLatch told = new CountDownLatch(wait.isPresent() ? 1 : 0);
    if (queue.submitSyncro(what, wait.orElse(null), () -> {
      awaitNotice(told);
      task.run();
    }).isPresent()) {
      return false;
    }
    // told off Slack's thread
    wait.ifPresent(w -> {
      boolean queued = work.submit("queued notice", () -> {
        try {
          tell(userId, responseUrl, Reply.of(queue.notice(w, QueuedNotice.Awaited.PREVIEW)));
        } finally {
          told.countDown();
        }
      });
      if (!queued) {
        told.countDown();
      }
    });
    return true;
  }

  private static void awaitNotice(CountDownLatch told) {
    try {
      if (!told.await(NOTICE_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("The queued notice took over {} s; making the preview anyway", NOTICE_AT_MOST.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(String what, String userId, TicketNumber number, String responseUrl, PlanMaker maker) {
    String notFound = TicketCommand.notFound(number);
    run(what, userId, responseUrl, notFound, (api, user) -> {
      Optional<Ticket> ticket = api.findTicketByNumber(number);
      return ticket.map(t -> maker.make(api, user, t, clock, ttl));
    });
  }

  /** Makes the plan for a connected user; empty when the ticket it needs does not exist. */
  private interface Making {
    Optional<Plan> make(SyncroApi api, ConnectedUser user);
  }

  private void run(String what, String userId, String responseUrl, String notFound, Making making) {
    try {
      Optional<ConnectedUser> user = users.find(userId);
      if (user.isEmpty()) {
        tell(userId, responseUrl, Reply.of(UserMessages.NOT_CONNECTED));
        return;
      }
      SyncroApi api = syncro.as(user.get().token());
      Optional<Plan> made = making.make(api, user.get());
      if (made.isEmpty()) {
        tell(userId, responseUrl, Reply.of(notFound));
        return;
      }
      Plan plan = made.get();
      store.create(plan);
      log.info("{} planned {} for {}", what, plan.id(), userId);
      tell(userId, responseUrl, PlanPreview.render(plan, null));
    } catch (Refusal r) {
      tell(userId, responseUrl, Reply.of(r.getMessage()));
    } catch (SyncroException e) {
      log.info("{} for {} failed: {}", what, userId, SafeLog.describe(e));
      tell(userId, responseUrl, Reply.of(UserMessages.forSyncro(e, notFound)));
    } catch (RuntimeException e) {
      log.error("{} for {} failed: {}", what, userId, SafeLog.describe(e));
      tell(userId, responseUrl, Reply.of(UserMessages.INTERNAL));
    }
  }

  private void tell(String userId, String responseUrl, Reply reply) {
    if (responseUrl.isEmpty() || !out.ephemeral(responseUrl, reply)) {
      out.post(userId, reply);
    }
  }
}
