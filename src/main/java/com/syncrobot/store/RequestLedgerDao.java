package com.syncrobot.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code syncro_budgets} and {@code syncro_permits} (see {@link StoreRequestLedger}); times in epoch ms. */
interface RequestLedgerDao {

  /**
   * Creates the egress's row or touches it. On PostgreSQL the row stays locked until the transaction ends, so
   * that the processes of one egress count and insert one at a time; on SQLite the write lock does that.
   */
  @SqlUpdate("""
      INSERT INTO syncro_budgets (egress, touched_at) VALUES (:egress, :now)
      ON CONFLICT (egress) DO UPDATE SET touched_at = excluded.touched_at
      """)
  void lock(@Bind("egress") String egress, @Bind("now") long now);

  @SqlQuery("SELECT count(*) FROM syncro_permits WHERE egress = :egress AND granted_at > :since")
  int count(@Bind("egress") String egress, @Bind("since") long since);

  /** The time of the permit with {@code skip} permits of the window before it (0: the oldest). */
  @SqlQuery("""
      SELECT granted_at FROM syncro_permits WHERE egress = :egress AND granted_at > :since
      ORDER BY granted_at LIMIT 1 OFFSET :skip
      """)
  Optional<Long> nth(@Bind("egress") String egress, @Bind("since") long since, @Bind("skip") int skip);

  /**
   * The times of the egress's permits granted after {@code since}, oldest first. A plain query on {@code h}
   * rather than a method of this interface: every ack that may be queued reads it, and attaching the interface
   * to a handle costs more than the query.
   */
  static List<Long> window(Handle h, String egress, long since) {
    return h.createQuery("""
        SELECT granted_at FROM syncro_permits WHERE egress = :egress AND granted_at > :since
        ORDER BY granted_at
        """)
        .bind("egress", egress)
        .bind("since", since)
        .map((rs, ctx) -> rs.getLong(1))
        .list();
  }

  @SqlUpdate("INSERT INTO syncro_permits (egress, granted_at, priority) VALUES (:egress, :at, :priority)")
  void grant(@Bind("egress") String egress, @Bind("at") long at, @Bind("priority") String priority);

  /** Forgets every egress's permits granted at or before {@code before}. */
  @SqlUpdate("DELETE FROM syncro_permits WHERE granted_at <= :before")
  void prune(@Bind("before") long before);
}
