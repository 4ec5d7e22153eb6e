package com.syncrobot.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.syncrobot.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The notification engine's records in the bot's database: each view's poll cursor and lease, what each view
 * last saw of each ticket, and the outbox, where every event is recorded once per target, ever (a UNIQUE
 * constraint on target, ticket and event key), batched per target and ticket, and moved PENDING -> SENDING ->
 * POSTED / DROPPED by conditional updates that name the holder (a plan runner id), so across restarts and
 * replicas an event is posted at most once and a batch whose holder died is taken over by exactly one
 * process. Thread-safe.
 */
public final class NotifyStore implements Announcements {
  /** Finished outbox rows and snapshots of closed tickets are kept this long. */
  public static final Duration KEEP = Duration.ofDays(30);

  static final String PENDING = "PENDING";
  static final String POSTED = "POSTED";
  static final String DROPPED = "DROPPED";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final Database db;
  private final Clock clock;
  private final Duration batchWindow;

  /** What an outbox row keeps of a notice: the ticket as it was and the event. */
  record Stored(@Nullable TicketState ticket, TicketEvent event) {}

  /** A view's row: cursor, baseline, last complete poll, overdue poll, lease. */
  public record View(String owner, @Nullable Instant baselineAt, @Nullable Instant cursor, @Nullable Instant checkedAt,
      @Nullable Instant waitingSince, @Nullable String waitingWhy, @Nullable String leaseHolder) {}

  /** What a view last saw of a ticket. */
  record Snapshot(long ticketId, String status, @Nullable Long userId, @Nullable String priority,
      @Nullable Long customerId, @Nullable Long updatedAt, boolean customerReply, @Nullable Long lastReplyId) {}

  /** One event to record for a target, as part of a poll's result. */
  record Offer(String target, @Nullable TicketState ticket, TicketEvent event) {}

  /** A claimed batch: its id, target, and its events, oldest first. */
  record Batch(String id, String target, List<Stored> events, int attempts) {}

  /**
   * Creates a store over {@code db}; a ticket's first pending event for a target starts a batch due
   * {@code batchWindow} later.
   */
  public NotifyStore(Database db, Clock clock, Duration batchWindow) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchWindow = Objects.requireNonNull(batchWindow, "batchWindow");
  }

  @Override
  public boolean offer(String target, @Nullable TicketState ticket, TicketEvent event) {
    return db.jdbi().inTransaction(h -> offer(h.attach(NotifyDao.class), new Offer(target, ticket, event)));
  }

  private boolean offer(NotifyDao dao, Offer o) {
    Objects.requireNonNull(o.target(), "target");
    Objects.requireNonNull(o.event(), "event");
    long now = clock.millis();
    long ticketId = o.ticket() == null ? 0 : o.ticket().ticketId();
    return dao.offer(o.target(), ticketId, o.event().key(), o.event().kind().name(), now,
        now + batchWindow.toMillis(), write(new Stored(o.ticket(), o.event()))) == 1;
  }

  // ---- views

  /** Returns the view of {@code owner}, recording it first if it is new. */
  public View view(String owner) {
    NotifyDao.ViewRow r = db.jdbi().inTransaction(h -> {
      NotifyDao dao = h.attach(NotifyDao.class);
      dao.ensureView(owner);
      return dao.view(owner).orElseThrow();
    });
    return new View(r.owner(), instant(r.baselineAt()), instant(r.cursorAt()), instant(r.checkedAt()),
        instant(r.waitingSince()), r.waitingWhy(), r.leaseHolder());
  }

  /** Returns the view of {@code owner} if it was ever polled or asked for. */
  public Optional<View> findView(String owner) {
    return dao(dao -> dao.view(owner)).map(r -> new View(r.owner(), instant(r.baselineAt()), instant(r.cursorAt()),
        instant(r.checkedAt()), instant(r.waitingSince()), r.waitingWhy(), r.leaseHolder()));
  }

  /**
   * Leases the view to {@code holder} until {@code until} if its last complete poll was at or before
   * {@code dueBefore} and no live process holds it (a holder silent since {@code staleBefore} counts as dead);
   * true for the one caller that got it.
   */
  boolean claimView(String owner, String holder, Instant until, Instant dueBefore, Instant staleBefore) {
    return dao(dao -> dao.claimView(owner, holder, until.toEpochMilli(), clock.millis(), dueBefore.toEpochMilli(),
        staleBefore.toEpochMilli())) == 1;
  }

  void releaseView(String owner, String holder) {
    dao(dao -> dao.releaseView(owner, holder));
  }

  /** Records that the view's poll has been overdue since {@code since} (unless an earlier time is recorded). */
  void waiting(String owner, Instant since, String why) {
    dao(dao -> dao.waiting(owner, since.toEpochMilli(), why));
  }

  /** Everything the view has seen, by ticket id. */
  Map<Long, Snapshot> snapshots(String owner) {
    Map<Long, Snapshot> out = new HashMap<>();
    for (NotifyDao.SnapshotRow r : dao(dao -> dao.snapshots(owner))) {
      out.put(r.ticketId(), new Snapshot(r.ticketId(), r.status(), r.userId(), r.priority(), r.customerId(),
          r.updatedAt(), r.customerReply() != 0, r.lastReplyId()));
    }
    return out;
  }

  /**
   * Records a complete poll in one transaction, only while {@code holder} still leases the view: the offers,
   * the snapshots, the cursor (and the baseline time on the first poll), and the lease's end. Returns false
   * (nothing recorded) when the lease was lost.
   *
   * @return the number of offers that were new, or -1 when the lease was lost
   */
  int finishPoll(String owner, String holder, Instant cursor, Instant baselineAt, List<Snapshot> seen,
      List<Offer> offers) {
    long now = clock.millis();
    return db.jdbi().inTransaction(h -> {
      NotifyDao dao = h.attach(NotifyDao.class);
      // First, so that on PostgreSQL the view's row is locked for the rest: a poll that lost its lease records nothing.
      if (dao.finishPoll(owner, holder, cursor.toEpochMilli(), now, baselineAt.toEpochMilli()) != 1) {
        return -1;
      }
      List<NotifyDao.SnapshotRow> rows = seen.stream().map(s -> new NotifyDao.SnapshotRow(s.ticketId(), s.status(),
          s.userId(), s.priority(), s.customerId(), s.updatedAt(), s.customerReply() ? 1 : 0, s.lastReplyId()))
          .toList();
      if (!rows.isEmpty()) {
        dao.saveSnapshots(owner, now, rows);
      }
      int fresh = 0;
      for (Offer o : offers) {
        if (offer(dao, o)) {
          fresh++;
        }
      }
      return fresh;
    });
  }

  // ---- outbox

  /** The (target, ticket) pairs with a batch due now. */
  List<NotifyDao.DueRow> due() {
    return dao(dao -> dao.due(clock.millis()));
  }

  /**
   * Claims the due pending events of {@code target} (of one ticket, or of all its tickets when {@code ticketId}
   * is null) as a new batch for {@code holder}; empty when another process claimed them first.
   */
  Optional<Batch> claim(String target, @Nullable Long ticketId, String holder) {
    String batchId = "batch-" + UUID.randomUUID();
    long now = clock.millis();
    int n = dao(dao -> ticketId == null ? dao.claimTarget(target, batchId, holder, now)
        : dao.claimTicket(target, ticketId, batchId, holder, now));
    return n == 0 ? Optional.empty() : batch(batchId, holder);
  }

  /** Batches that Slack did not take (or did not say), due to be tried again now. */
  List<NotifyDao.RetryRow> retries() {
    return dao(dao -> dao.retries(clock.millis()));
  }

  /** Claims a batch to try again for {@code holder}; empty for every caller but the one that did. */
  Optional<Batch> claimRetry(String batchId, String holder) {
    int n = dao(dao -> dao.claimRetry(batchId, holder, clock.millis()));
    return n == 0 ? Optional.empty() : batch(batchId, holder);
  }

  /** Batches whose holder claimed them before {@code staleBefore} and has not beaten since. */
  List<NotifyDao.AbandonedRow> abandoned(Instant staleBefore) {
    return dao(dao -> dao.abandoned(staleBefore.toEpochMilli()));
  }

  /** Takes over an abandoned batch for {@code holder}; empty for every caller but the one that did. */
  Optional<Batch> takeOver(String batchId, String from, String holder, Instant staleBefore) {
    int n = dao(dao -> dao.takeOver(batchId, from, holder, clock.millis(), staleBefore.toEpochMilli()));
    return n == 0 ? Optional.empty() : batch(batchId, holder);
  }

  private Optional<Batch> batch(String batchId, String holder) {
    List<NotifyDao.EventRow> rows = dao(dao -> dao.batch(batchId, holder));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Stored> events = rows.stream().map(r -> read(r.notice())).toList();
    int attempts = rows.stream().mapToInt(NotifyDao.EventRow::attempts).max().orElse(0);
    return Optional.of(new Batch(batchId, rows.get(0).target(), events, attempts));
  }

  /** Records the batch posted ({@code detail}: the message) or dropped ({@code detail}: why). */
  boolean finish(String batchId, String holder, boolean posted, @Nullable String detail) {
    return dao(dao -> dao.finish(batchId, holder, posted ? POSTED : DROPPED, clock.millis(), detail)) > 0;
  }

  /** Puts the batch back, due again at {@code due}. */
  boolean later(String batchId, String holder, Instant due, String why) {
    return dao(dao -> dao.later(batchId, holder, due.toEpochMilli(), why)) > 0;
  }

  /** Drops every pending event of {@code target}, recording {@code why}; returns how many. */
  int dropPending(String target, String why) {
    return dao(dao -> dao.dropPending(target, clock.millis(), why));
  }

  /** How many events of {@code target} are waiting to be posted (pending or being sent). */
  public int pending(String target) {
    return dao(dao -> dao.pending(target));
  }

  /** How many events of {@code target} are in {@code state} (PENDING, SENDING, POSTED, DROPPED). */
  int count(String target, String state) {
    return dao(dao -> dao.count(target, state));
  }

  /** Forgets finished outbox rows and closed tickets' snapshots older than {@link #KEEP}; returns how many. */
  public int prune() {
    long before = clock.instant().minus(KEEP).toEpochMilli();
    return dao(dao -> dao.pruneOutbox(before) + dao.pruneSnapshots(before));
  }

  private <R> R dao(java.util.function.Function<NotifyDao, R> work) {
    return db.jdbi().withHandle((Handle h) -> work.apply(h.attach(NotifyDao.class)));
  }

  private static @Nullable Instant instant(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static String write(Stored s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a notice", e);
    }
  }

  static Stored read(String json) {
    try {
      return JSON.readValue(json, Stored.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored notice", e);
    }
  }
}
