package com.syncrobot.notify;

import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each technician's view of Syncro for changes and delivers what they mean. One poll per view (the token
 * of a technician who set up a subscription or switched on an assignment or reply alert) serves every
 * subscription of that technician: the first poll records the open tickets as a baseline and announces nothing;
 * each later one asks for the tickets updated since the view's cursor (less {@link #OVERLAP} against clock skew),
 * compares them with what the view saw before, reads a ticket's detail only when Syncro flags a customer reply
 * on a changed ticket and someone wants to hear it, and records the events for their targets, the snapshots and
 * the cursor in one transaction (so a crash between poll and post loses and repeats nothing). Syncro is read at
 * background priority: when commands use the budget the poll waits, and {@link #status} says so.
 *
 * <p>Delivery hands each due batch to the {@link NoticeSink}: a channel subscription's batch is one ticket's
 * events, a technician's is everything due for them (held through their quiet hours). A batch is claimed before
 * it is posted; one whose claimer died is taken over once its heartbeat is older than the runner lease and sent
 * again with {@code retry}, so the sink can find what was already posted. Thread-safe; meant for one thread.
 */
public final class NotifyEngine {
  /** How far back each incremental poll reaches before the cursor: clock skew and same-second updates. */
  static final Duration OVERLAP = Duration.ofMinutes(2);
  /** How long a view's lease lasts without its holder's heartbeat mattering (a poll waiting for the budget). */
  static final Duration VIEW_LEASE = Duration.ofMinutes(10);
  /** A poll this late past its interval counts as waiting. */
  static final Duration GRACE = Duration.ofSeconds(15);
  static final String BUDGET_WHY = "Syncro's request budget is in use by commands";
  static final String NO_TOKEN = "the technician who set this up has no Syncro token connected (/syncro connect)";
  static final String REFUSED = "Syncro refused the technician's token; they can connect it again with /syncro connect";
  static final String UNSUBSCRIBED = "unsubscribed";

  private static final Logger log = LoggerFactory.getLogger(NotifyEngine.class);

  private final NotifyStore store;
  private final Audience audience;
  private final NoticeSink sink;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final Clock clock;
  private final NotifySettings settings;
  private final String holder;
  private final Duration runnerLease;
  /** Views whose last poll here failed (no token, refused, Syncro down), and when to try them again. */
  private final Map<String, Instant> failedUntil = new ConcurrentHashMap<>();

  /**
   * Creates an engine whose leases and claims name {@code holder}, this process's plan runner id (its heartbeat
   * tells other processes this one is alive); a batch or view held by a runner silent for {@code runnerLease}
   * is taken over.
   */
  public NotifyEngine(NotifyStore store, Audience audience, NoticeSink sink, ConnectedUserStore users,
      SyncroClient syncro, Clock clock, NotifySettings settings, String holder, Duration runnerLease) {
    this.store = Objects.requireNonNull(store, "store");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.users = Objects.requireNonNull(users, "users");
    this.syncro = Objects.requireNonNull(syncro, "syncro");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.runnerLease = Objects.requireNonNull(runnerLease, "runnerLease");
  }

  /** The store this engine records in (also the {@link Announcements} of periodic checks). */
  public NotifyStore store() {
    return store;
  }

  /** The technicians whose views are polled: creators of subscriptions, and who wants assignment or reply DMs. */
  Set<String> owners() {
    Set<String> owners = new LinkedHashSet<>();
    audience.subscriptions().forEach(s -> owners.add(s.createdBy()));
    audience.alerts().stream().filter(a -> a.assigned() || a.replies()).forEach(a -> owners.add(a.slackUserId()));
    return owners;
  }

  /** Polls every view whose interval has passed (and that no other process is polling); returns how many. */
  public int pollDue() {
    int polled = 0;
    for (String owner : owners()) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      Instant retryAt = failedUntil.get(owner);
      if (retryAt != null && clock.instant().isBefore(retryAt)) {
        continue;
      }
      if (poll(owner, false)) {
        polled++;
      }
    }
    return polled;
  }

  /** Polls {@code owner}'s view now, interval or not (unless another process is polling it); true when done. */
  public boolean poll(String owner) {
    return poll(owner, true);
  }

  private boolean poll(String owner, boolean force) {
    Instant now = clock.instant();
    NotifyStore.View v = store.view(owner);
    Instant dueAt = v.checkedAt() == null ? now : v.checkedAt().plus(settings.pollInterval());
    if (!store.claimView(owner, holder, now.plus(VIEW_LEASE), force ? now : now.minus(settings.pollInterval()),
        now.minus(runnerLease))) {
      return false;
    }
    boolean done = false;
    try {
      Optional<ConnectedUser> user = users.find(owner);
      if (user.isEmpty()) {
        store.waiting(owner, dueAt, NO_TOKEN);
        log.warn("Notifications for {}: no Syncro token connected; their view is not polled", owner);
        return false;
      }
      if (budgetBusy()) {
        store.waiting(owner, dueAt, BUDGET_WHY);
      }
      SyncroApi api = syncro.as(user.get().token(), RequestBudget.Priority.BACKGROUND);
      done = v.baselineAt() == null ? baseline(owner, api, now) : incremental(owner, v, user.get(), api, now);
      return done;
    } catch (SyncroAuthException e) {
      store.waiting(owner, dueAt, REFUSED);
      log.warn("Notifications for {}: Syncro refused their token ({})", owner, e.status());
    } catch (SyncroException e) {
      store.waiting(owner, dueAt, "Syncro did not answer; trying again at the next poll");
      log.warn("Notifications for {}: polling Syncro failed: {}", owner, e.getMessage());
    } catch (RuntimeException e) {
      store.waiting(owner, dueAt, "an internal error stopped the last check; see the bot's log");
      log.error("Notifications for {}: poll failed: {}", owner, e.toString());
    } finally {
      if (done) {
        failedUntil.remove(owner);
      } else {
        store.releaseView(owner, holder);
        // A view that failed is tried again after an interval, not at every tick.
        failedUntil.put(owner, clock.instant().plus(settings.pollInterval()));
      }
    }
    return false;
  }

  /** The view's first poll: what is open now is what it has seen; nothing is announced. */
  private boolean baseline(String owner, SyncroApi api, Instant now) {
    List<NotifyStore.Snapshot> seen = api.openTickets().stream().map(t -> Changes.snapshot(t, null)).toList();
    if (store.finishPoll(owner, holder, now, now, seen, List.of()) < 0) {
      log.warn("Notifications for {}: another process took the view over during its first poll", owner);
      return false;
    }
    log.info("Notifications for {}: baseline of {} open tickets recorded", owner, seen.size());
    return true;
  }

  private boolean incremental(String owner, NotifyStore.View v, ConnectedUser user, SyncroApi api, Instant now) {
    Instant cursor = Objects.requireNonNull(v.cursor(), "cursor");
    Instant baselineAt = Objects.requireNonNull(v.baselineAt(), "baselineAt");
    Instant since = cursor.minus(OVERLAP);
    Map<Long, Ticket> latest = new LinkedHashMap<>();
    for (Ticket t : api.ticketsUpdatedSince(since)) {
      latest.merge(t.id().value(), t, (a, b) -> updated(b).compareTo(updated(a)) >= 0 ? b : a);
    }
    Map<Long, NotifyStore.Snapshot> before = store.snapshots(owner);
    AlertSettings alerts = audience.alertsOf(owner);
    List<Subscription> subs = audience.subscriptions().stream().filter(s -> s.createdBy().equals(owner)).toList();
    long me = user.syncroUserId();
    List<NotifyStore.Snapshot> seen = new ArrayList<>();
    List<NotifyStore.Offer> offers = new ArrayList<>();
    for (Ticket t : latest.values()) {
      if (t.updatedAt() != null && t.updatedAt().toInstant().isAfter(cursor)) {
        cursor = t.updatedAt().toInstant();
      }
      NotifyStore.Snapshot b = before.get(t.id().value());
      if (!Changes.changed(b, t)) {
        continue;
      }
      TicketState state = TicketState.of(t);
      List<TicketEvent> events = new ArrayList<>(Changes.events(b, t, baselineAt, since, now));
      Long lastReply = null;
      if (b != null && t.customerReply() && !routes(subs, alerts, me, state, EventKind.REPLY).isEmpty()) {
        Ticket detail = api.ticket(t.id());
        for (Comment c : Changes.newReplies(b, detail)) {
          events.add(Changes.reply(c, now));
        }
        lastReply = Changes.newestReply(detail, b.lastReplyId());
      }
      for (TicketEvent e : events) {
        for (String target : routes(subs, alerts, me, state, e.kind())) {
          offers.add(new NotifyStore.Offer(target, state, e));
        }
      }
      seen.add(Changes.snapshot(t, lastReply));
    }
    int fresh = store.finishPoll(owner, holder, cursor, baselineAt, seen, offers);
    if (fresh < 0) {
      log.warn("Notifications for {}: another process took the view over during a poll; its result is not kept",
          owner);
      return false;
    }
    if (fresh > 0) {
      log.info("Notifications for {}: {} changed ticket(s), {} new notification(s)", owner, seen.size(), fresh);
    }
    return true;
  }

  private static Instant updated(Ticket t) {
    return t.updatedAt() == null ? Instant.EPOCH : t.updatedAt().toInstant();
  }

  /**
   * Who hears about an event of {@code kind} on a ticket of this view: each of the owner's subscriptions whose
   * filter matches, and the owner's direct messages for an assignment to them or a customer reply on their ticket.
   */
  private static List<String> routes(List<Subscription> subs, AlertSettings alerts, long me, TicketState t,
      EventKind kind) {
    List<String> targets = new ArrayList<>();
    for (Subscription s : subs) {
      if (s.filter().matches(t, kind)) {
        targets.add(s.target());
      }
    }
    boolean mine = t.userId() != null && t.userId() == me;
    if (mine && (kind == EventKind.ASSIGNED && alerts.assigned() || kind == EventKind.REPLY && alerts.replies())) {
      targets.add(alerts.target());
    }
    return targets;
  }

  // ---- delivery

  /**
   * Sends every batch that is due: first batches whose claimer died and batches Slack did not take (again,
   * with {@code retry}, under their batch id), then each due
   * subscription's ticket and each technician's messages (unless they are in their quiet hours). Returns how
   * many batches were handed to the sink.
   */
  public int deliverDue() {
    int sent = 0;
    Instant staleBefore = clock.instant().minus(runnerLease);
    for (NotifyDao.AbandonedRow a : store.abandoned(staleBefore)) {
      Optional<NotifyStore.Batch> b = store.takeOver(a.batchId(), a.holder(), holder, staleBefore);
      if (b.isPresent()) {
        log.info("Notification batch {} taken over from {}, which stopped while sending it", a.batchId(), a.holder());
        sent += send(b.get(), true) ? 1 : 0;
      }
    }
    // A batch Slack did not take, or did not say whether it took: again with retry, under the same batch id.
    for (NotifyDao.RetryRow r : store.retries()) {
      if (Target.isUser(r.target()) && held(r.target())) {
        continue;
      }
      Optional<NotifyStore.Batch> b = store.claimRetry(r.batchId(), holder);
      sent += b.isPresent() && send(b.get(), true) ? 1 : 0;
    }
    Set<String> usersSeen = new LinkedHashSet<>();
    for (NotifyDao.DueRow d : store.due()) {
      if (Target.isUser(d.target())) {
        if (usersSeen.add(d.target()) && !held(d.target())) {
          Optional<NotifyStore.Batch> b = store.claim(d.target(), null, holder);
          sent += b.isPresent() && send(b.get(), false) ? 1 : 0;
        }
      } else if (audience.subscription(Target.subscriptionOf(d.target())).isEmpty()) {
        int dropped = store.dropPending(d.target(), UNSUBSCRIBED);
        log.info("Notifications: {} pending event(s) of removed subscription {} dropped", dropped, d.target());
      } else {
        Optional<NotifyStore.Batch> b = store.claim(d.target(), d.ticketId(), holder);
        sent += b.isPresent() && send(b.get(), false) ? 1 : 0;
      }
    }
    return sent;
  }

  /** Whether the technician of a user target is in their quiet hours now. */
  private boolean held(String target) {
    AlertSettings a = audience.alertsOf(Target.userOf(target));
    return a.quiet() != null && a.quiet().contains(clock.instant(), a.zone());
  }

  /** Hands a claimed batch to the sink and records the outcome; true when it was handed over. */
  private boolean send(NotifyStore.Batch b, boolean retry) {
    List<Notice> notices = notices(b.events());
    Delivered d;
    try {
      if (Target.isUser(b.target())) {
        d = sink.toUser(audience.alertsOf(Target.userOf(b.target())), notices, b.id(), retry);
      } else {
        Optional<Subscription> s = audience.subscription(Target.subscriptionOf(b.target()));
        if (s.isEmpty()) {
          store.finish(b.id(), holder, false, UNSUBSCRIBED);
          return false;
        }
        // A subscription's batch is one ticket's events (claimed per ticket), so one notice.
        d = sink.toChannel(s.get(), notices.get(0), b.id(), retry);
      }
    } catch (RuntimeException e) {
      log.error("Notification batch {} for {} failed: {}", b.id(), b.target(), e.toString());
      d = new Delivered.Later("internal error: " + e.getClass().getSimpleName());
    }
    boolean recorded;
    if (d instanceof Delivered.Posted p) {
      recorded = store.finish(b.id(), holder, true, p.ts());
    } else if (d instanceof Delivered.Dropped x) {
      recorded = store.finish(b.id(), holder, false, x.why());
      log.info("Notification batch {} for {} dropped: {}", b.id(), b.target(), x.why());
    } else {
      String why = ((Delivered.Later) d).why();
      Instant due = clock.instant().plus(backoff(b.attempts()));
      recorded = store.later(b.id(), holder, due, why);
      log.info("Notification batch {} for {} not posted ({}); again at {}", b.id(), b.target(), why, due);
    }
    if (!recorded) {
      log.warn("Notification batch {}: another process took it over meanwhile; its outcome here is not recorded",
          b.id());
    }
    return true;
  }

  /** The wait before a batch that Slack did not take is tried again: 30 s, doubling, at most 10 min. */
  static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(30L << Math.min(attempts, 5), 600));
  }

  /** One notice per ticket, in the order the tickets first appear; each with its latest state, events oldest first. */
  static List<Notice> notices(List<NotifyStore.Stored> events) {
    Map<Long, List<NotifyStore.Stored>> byTicket = new LinkedHashMap<>();
    for (NotifyStore.Stored s : events) {
      byTicket.computeIfAbsent(s.ticket() == null ? 0L : s.ticket().ticketId(), k -> new ArrayList<>()).add(s);
    }
    List<Notice> out = new ArrayList<>();
    for (List<NotifyStore.Stored> list : byTicket.values()) {
      TicketState latest = list.get(list.size() - 1).ticket();
      out.add(new Notice(latest, list.stream().map(NotifyStore.Stored::event)
          .sorted(Comparator.comparing(TicketEvent::at)).toList()));
    }
    return out;
  }

  // ---- status

  /** Whether a background request asked for now would wait for Syncro's request budget. */
  private boolean budgetBusy() {
    Duration wait = syncro.expectedWait(RequestBudget.Priority.BACKGROUND);
    return !wait.isZero() && !wait.isNegative();
  }

  /**
   * How current {@code owner}'s view is, with the number of notifications waiting for every target of theirs
   * (their subscriptions and their direct messages).
   */
  public NotifyStatus status(String owner) {
    int pending = store.pending(Target.user(owner));
    for (Subscription s : audience.subscriptions()) {
      if (s.createdBy().equals(owner)) {
        pending += store.pending(s.target());
      }
    }
    return status(owner, pending);
  }

  /** How current {@code owner}'s view is, with the number of notifications waiting for {@code target}. */
  public NotifyStatus status(String owner, String target) {
    return status(owner, store.pending(target));
  }

  private NotifyStatus status(String owner, int pending) {
    Optional<NotifyStore.View> found = store.findView(owner);
    if (found.isEmpty()) {
      return new NotifyStatus(null, null, pending, null);
    }
    NotifyStore.View v = found.get();
    Instant waitingSince = v.waitingSince();
    String why = v.waitingWhy();
    if (waitingSince == null && v.checkedAt() != null) {
      Instant due = v.checkedAt().plus(settings.pollInterval());
      Instant now = clock.instant();
      if (now.isAfter(due) && budgetBusy()) {
        waitingSince = due;
        why = BUDGET_WHY;
      } else if (now.isAfter(due.plus(GRACE))) {
        waitingSince = due;
      }
    }
    return new NotifyStatus(v.checkedAt(), waitingSince, pending, why);
  }
}
