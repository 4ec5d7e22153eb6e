package com.syncrobot.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code connected_users}; times are ISO-8601 text in UTC (see {@link ConnectedUserStore}). */
interface ConnectedUserDao {

  /** Inserts or replaces a user's connection, keeping the first connection time; returns that time. */
  @SqlQuery("""
      INSERT INTO connected_users
        (slack_user_id, syncro_user_id, syncro_user_name, token_ciphertext, connected_at, updated_at)
      VALUES (:slackUserId, :syncroUserId, :syncroUserName, :tokenCiphertext, :now, :now)
      ON CONFLICT (slack_user_id) DO UPDATE SET
        syncro_user_id = excluded.syncro_user_id,
        syncro_user_name = excluded.syncro_user_name,
        token_ciphertext = excluded.token_ciphertext,
        updated_at = excluded.updated_at
      RETURNING connected_at
      """)
  String upsert(@BindMethods Upsert row);

  /**
   * The row of {@code slackUserId}. A plain query on {@code h} rather than a method of this interface: every
   * command's ack reads it, and attaching the interface to a handle costs more than the query.
   */
  static Optional<StoredUser> find(Handle h, String slackUserId) {
    return h.createQuery("""
        SELECT slack_user_id, syncro_user_id, syncro_user_name, token_ciphertext, connected_at
        FROM connected_users
        WHERE slack_user_id = :slackUserId
        """)
        .bind("slackUserId", slackUserId)
        .map((rs, ctx) -> new StoredUser(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4),
            rs.getString(5)))
        .findOne();
  }

  // No token_ciphertext here: listing users must not touch their tokens.
  @SqlQuery("""
      SELECT slack_user_id, syncro_user_id, syncro_user_name, connected_at
      FROM connected_users
      ORDER BY slack_user_id
      """)
  @RegisterRecordMapper(StoredSummary.class)
  List<StoredSummary> list();

  @SqlUpdate("DELETE FROM connected_users WHERE slack_user_id = :slackUserId")
  int remove(String slackUserId);

  /** Parameters of {@link #upsert}. */
  record Upsert(String slackUserId, long syncroUserId, String syncroUserName, byte[] tokenCiphertext, String now) {}

  /** A full row. */
  record StoredUser(
      String slackUserId, long syncroUserId, String syncroUserName, byte[] tokenCiphertext, String connectedAt) {}

  /** A row without its token. */
  record StoredSummary(String slackUserId, long syncroUserId, String syncroUserName, String connectedAt) {}
}
