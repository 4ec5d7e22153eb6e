package com.syncrobot.notify;

import java.util.List;
import java.util.Optional;
import com.syncrobot.store.RegisterRecordMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** SQL for {@code subscriptions} and {@code subscription_threads} (see db/sqlite/V13__subscriptions.sql). */
interface SubscriptionDao {
  String COLUMNS = "id, channel_id, created_by, customer_id, customer_name, statuses, priorities, events, created_at";

  /** Inserts unless the channel has an active subscription with the same filter; 1 when inserted. */
  @SqlUpdate("""
      INSERT INTO subscriptions (channel_id, created_by, customer_id, customer_name, statuses, priorities, events,
        filter_key, created_at)
      VALUES (:channelId, :createdBy, :customerId, :customerName, :statuses, :priorities, :events, :filterKey,
        :createdAt)
      ON CONFLICT (channel_id, filter_key) WHERE removed_at IS NULL DO NOTHING
      """)
  int insert(@BindMethods InsertRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE channel_id = :channelId AND filter_key = :filterKey"
      + " AND removed_at IS NULL")
  @RegisterRecordMapper(Row.class)
  Optional<Row> findActive(String channelId, String filterKey);

  @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE removed_at IS NULL ORDER BY id")
  @RegisterRecordMapper(Row.class)
  List<Row> active();

  @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id AND removed_at IS NULL")
  @RegisterRecordMapper(Row.class)
  Optional<Row> find(long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE channel_id = :channelId AND removed_at IS NULL"
      + " ORDER BY id")
  @RegisterRecordMapper(Row.class)
  List<Row> inChannel(String channelId);

  /** Marks an active subscription removed; 1 for the one caller that removed it. */
  @SqlUpdate("UPDATE subscriptions SET removed_at = :now WHERE id = :id AND removed_at IS NULL")
  int remove(long id, long now);

  /** Records that the creator was told the channel takes no posts; 1 for the one caller that is to tell. */
  @SqlUpdate("UPDATE subscriptions SET broken_told_at = :now WHERE id = :id AND broken_told_at IS NULL")
  int markBrokenTold(long id, long now);

  @SqlUpdate("UPDATE subscriptions SET broken_told_at = NULL WHERE id = :id AND broken_told_at IS NOT NULL")
  int clearBrokenTold(long id);

  /** Records a ticket's thread unless one is recorded; 1 when this one was. */
  @SqlUpdate("""
      INSERT INTO subscription_threads (subscription_id, ticket_id, channel_id, root_ts, created_at)
      VALUES (:subscriptionId, :ticketId, :channelId, :rootTs, :createdAt)
      ON CONFLICT (subscription_id, ticket_id) DO NOTHING
      """)
  int insertThread(@BindMethods ThreadRow row);

  @SqlQuery("""
      SELECT subscription_id, ticket_id, channel_id, root_ts, created_at FROM subscription_threads
      WHERE subscription_id = :subscriptionId AND ticket_id = :ticketId
      """)
  @RegisterRecordMapper(ThreadRow.class)
  Optional<ThreadRow> thread(long subscriptionId, long ticketId);

  /** A subscription row. */
  record Row(long id, String channelId, String createdBy, @Nullable Long customerId, @Nullable String customerName,
      String statuses, String priorities, String events, long createdAt) {}

  /** The parameters of {@link #insert}. */
  record InsertRow(String channelId, String createdBy, @Nullable Long customerId, @Nullable String customerName,
      String statuses, String priorities, String events, String filterKey, long createdAt) {}

  /** A thread row. */
  record ThreadRow(long subscriptionId, long ticketId, String channelId, String rootTs, long createdAt) {}
}
