package com.syncrobot.notify;

import java.util.List;
import java.util.Optional;
import com.syncrobot.store.RegisterRecordMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * SQL for {@code notify_views}, {@code notify_snapshots} and {@code notify_outbox} (see db/sqlite/V12); a
 * lease's or a claim's holder is a plan runner's id, alive while its row in {@code plan_runners} (V8) beats.
 * Every read-then-write is one conditional statement, so replicas sharing a PostgreSQL store never both win.
 */
interface NotifyDao {
  /** True in SQL when the view's lease holder has not beaten since {@code :staleBefore} (its process died). */
  String VIEW_HOLDER_SILENT = "NOT EXISTS (SELECT 1 FROM plan_runners r WHERE r.id = notify_views.lease_holder AND r.heartbeat_at > :staleBefore)";

  /** True in SQL when an outbox row's holder has not beaten since {@code :staleBefore} (its process died). */
  String OUTBOX_HOLDER_SILENT = "NOT EXISTS (SELECT 1 FROM plan_runners r WHERE r.id = notify_outbox.holder AND r.heartbeat_at > :staleBefore)";

  // ---- views

  @SqlUpdate("INSERT INTO notify_views (owner) VALUES (:owner) ON CONFLICT (owner) DO NOTHING")
  int ensureView(String owner);

  @SqlQuery("""
      SELECT owner, baseline_at, cursor_at, checked_at, waiting_since, waiting_why, lease_holder, lease_until
      FROM notify_views WHERE owner = :owner""")
  @RegisterRecordMapper(ViewRow.class)
  Optional<ViewRow> view(String owner);

  /**
   * Leases the view to {@code holder} when it was last polled at or before {@code dueBefore} and nobody else
   * holds it: free, expired, or held by a runner that stopped beating. 1 for the one caller that got it.
   */
  @SqlUpdate("UPDATE notify_views SET lease_holder = :holder, lease_until = :until"
      + " WHERE owner = :owner AND (checked_at IS NULL OR checked_at <= :dueBefore)"
      + " AND (lease_holder IS NULL OR lease_holder = :holder OR lease_until < :now OR "
      + VIEW_HOLDER_SILENT + ")")
  int claimView(String owner, String holder, long until, long now, long dueBefore, long staleBefore);

  @SqlUpdate("UPDATE notify_views SET lease_holder = NULL, lease_until = 0 WHERE owner = :owner AND lease_holder = :holder")
  int releaseView(String owner, String holder);

  /** Records that the view's poll is overdue since {@code since} (kept when already recorded) and why. */
  @SqlUpdate("""
      UPDATE notify_views SET waiting_since = COALESCE(waiting_since, :since), waiting_why = :why
      WHERE owner = :owner""")
  int waiting(String owner, long since, String why);

  /** Ends a complete poll, only while {@code holder} still leases the view: the cursor moves, the lease ends. */
  @SqlUpdate("""
      UPDATE notify_views SET cursor_at = :cursor, checked_at = :now, baseline_at = COALESCE(baseline_at, :baseline),
        waiting_since = NULL, waiting_why = NULL, lease_holder = NULL, lease_until = 0
      WHERE owner = :owner AND lease_holder = :holder""")
  int finishPoll(String owner, String holder, long cursor, long now, long baseline);

  // ---- snapshots

  @SqlQuery("""
      SELECT ticket_id, status, user_id, priority, customer_id, updated_at, customer_reply, last_reply_id
      FROM notify_snapshots WHERE owner = :owner""")
  @RegisterRecordMapper(SnapshotRow.class)
  List<SnapshotRow> snapshots(String owner);

  @SqlBatch("""
      INSERT INTO notify_snapshots (owner, ticket_id, status, user_id, priority, customer_id, updated_at,
        customer_reply, last_reply_id, seen_at)
      VALUES (:owner, :ticketId, :status, :userId, :priority, :customerId, :updatedAt, :customerReply, :lastReplyId,
        :seenAt)
      ON CONFLICT (owner, ticket_id) DO UPDATE SET status = excluded.status, user_id = excluded.user_id,
        priority = excluded.priority, customer_id = excluded.customer_id, updated_at = excluded.updated_at,
        customer_reply = excluded.customer_reply,
        last_reply_id = COALESCE(excluded.last_reply_id, notify_snapshots.last_reply_id), seen_at = excluded.seen_at""")
  void saveSnapshots(String owner, long seenAt, @BindMethods List<SnapshotRow> rows);

  // ---- outbox

  /**
   * Records an event for a target unless it was recorded before (in any state); it joins the pending batch
   * of the same target and ticket (its due time), or starts one due at {@code :due}. 1 when new.
   */
  @SqlUpdate("""
      INSERT INTO notify_outbox (target, ticket_id, event_key, kind, state, offered_at, due_at, notice)
      VALUES (:target, :ticketId, :key, :kind, 'PENDING', :now,
        COALESCE((SELECT MIN(o.due_at) FROM notify_outbox o
                  WHERE o.target = :target AND o.ticket_id = :ticketId AND o.state = 'PENDING'), :due),
        :notice)
      ON CONFLICT (target, ticket_id, event_key) DO NOTHING""")
  int offer(String target, long ticketId, String key, String kind, long now, long due, String notice);

  /** The (target, ticket) pairs with a batch due by {@code now}, the longest waiting first. */
  @SqlQuery("""
      SELECT target, ticket_id, MIN(due_at) AS due_at FROM notify_outbox
      WHERE state = 'PENDING' AND due_at <= :now GROUP BY target, ticket_id ORDER BY MIN(due_at), target""")
  @RegisterRecordMapper(DueRow.class)
  List<DueRow> due(long now);

  /** Claims the due pending events of one target and ticket as batch {@code batchId}. */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = 'SENDING', batch_id = :batchId, holder = :holder, claimed_at = :now
      WHERE target = :target AND ticket_id = :ticketId AND state = 'PENDING' AND due_at <= :now""")
  int claimTicket(String target, long ticketId, String batchId, String holder, long now);

  /** Claims every due pending event of one target (all its tickets) as batch {@code batchId}. */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = 'SENDING', batch_id = :batchId, holder = :holder, claimed_at = :now
      WHERE target = :target AND state = 'PENDING' AND due_at <= :now""")
  int claimTarget(String target, String batchId, String holder, long now);

  @SqlQuery("""
      SELECT id, target, ticket_id, event_key, kind, notice, attempts FROM notify_outbox
      WHERE batch_id = :batchId AND holder = :holder AND state = 'SENDING' ORDER BY id""")
  @RegisterRecordMapper(EventRow.class)
  List<EventRow> batch(String batchId, String holder);

  /** Batches being sent by a holder that claimed them before {@code staleBefore} and stopped beating since. */
  @SqlQuery("SELECT batch_id, holder, target, MIN(ticket_id) AS ticket_id FROM notify_outbox"
      + " WHERE state = 'SENDING' AND claimed_at < :staleBefore AND " + OUTBOX_HOLDER_SILENT
      + " GROUP BY batch_id, holder, target ORDER BY MIN(claimed_at)")
  @RegisterRecordMapper(AbandonedRow.class)
  List<AbandonedRow> abandoned(long staleBefore);

  /** Takes over an abandoned batch for {@code holder}; more than 0 for the one caller that did. */
  @SqlUpdate("UPDATE notify_outbox SET holder = :holder, claimed_at = :now"
      + " WHERE batch_id = :batchId AND holder = :from AND state = 'SENDING' AND claimed_at < :staleBefore AND "
      + OUTBOX_HOLDER_SILENT)
  int takeOver(String batchId, String from, String holder, long now, long staleBefore);

  /** Records a batch POSTED or DROPPED, only while {@code holder} still has it. */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = :state, finished_at = :now, detail = :detail
      WHERE batch_id = :batchId AND holder = :holder AND state = 'SENDING'""")
  int finish(String batchId, String holder, String state, long now, @Nullable String detail);

  /**
   * Puts a batch aside to be tried again at {@code due}, keeping its batch id: Slack may have taken it without
   * saying so, and the next attempt looks for it by that id.
   */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = 'RETRY', due_at = :due, holder = NULL, claimed_at = NULL,
        attempts = attempts + 1, detail = :why
      WHERE batch_id = :batchId AND holder = :holder AND state = 'SENDING'""")
  int later(String batchId, String holder, long due, String why);

  /** Batches put aside by {@link #later} that are due again by {@code now}, the longest waiting first. */
  @SqlQuery("""
      SELECT batch_id, target FROM notify_outbox WHERE state = 'RETRY' AND due_at <= :now
      GROUP BY batch_id, target ORDER BY MIN(due_at), batch_id""")
  @RegisterRecordMapper(RetryRow.class)
  List<RetryRow> retries(long now);

  /** A batch to try again. */
  record RetryRow(String batchId, String target) {}

  /** Claims a batch put aside by {@link #later} for {@code holder}; more than 0 for the one caller that did. */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = 'SENDING', holder = :holder, claimed_at = :now
      WHERE batch_id = :batchId AND state = 'RETRY' AND due_at <= :now""")
  int claimRetry(String batchId, String holder, long now);

  /** Drops every pending event of a target (it no longer exists). */
  @SqlUpdate("""
      UPDATE notify_outbox SET state = 'DROPPED', finished_at = :now, detail = :why
      WHERE target = :target AND state IN ('PENDING', 'RETRY')""")
  int dropPending(String target, long now, String why);

  @SqlQuery("SELECT COUNT(*) FROM notify_outbox WHERE target = :target AND state IN ('PENDING', 'SENDING', 'RETRY')")
  int pending(String target);

  @SqlQuery("SELECT COUNT(*) FROM notify_outbox WHERE target = :target AND state = :state")
  int count(String target, String state);

  @SqlUpdate("DELETE FROM notify_outbox WHERE state IN ('POSTED', 'DROPPED') AND finished_at < :before")
  int pruneOutbox(long before);

  @SqlUpdate("""
      DELETE FROM notify_snapshots WHERE seen_at < :before AND LOWER(status) IN ('resolved', 'invoiced', 'closed')""")
  int pruneSnapshots(long before);

  /** A view row. */
  record ViewRow(String owner, @Nullable Long baselineAt, @Nullable Long cursorAt, @Nullable Long checkedAt,
      @Nullable Long waitingSince, @Nullable String waitingWhy, @Nullable String leaseHolder, long leaseUntil) {}

  /** A snapshot row; {@code customerReply} 0 or 1. */
  record SnapshotRow(long ticketId, String status, @Nullable Long userId, @Nullable String priority,
      @Nullable Long customerId, @Nullable Long updatedAt, int customerReply, @Nullable Long lastReplyId) {}

  /** A pair with a batch due. */
  record DueRow(String target, long ticketId, long dueAt) {}

  /** An outbox row of a claimed batch. */
  record EventRow(long id, String target, long ticketId, String eventKey, String kind, String notice, int attempts) {}

  /** A batch whose holder died while sending it. */
  record AbandonedRow(String batchId, String holder, String target, long ticketId) {}
}
