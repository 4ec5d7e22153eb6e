package com.syncrobot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The sealed Syncro tokens of {@code connected_users} as a whole: checked against a key before a store is put back,
 * or sealed again under a new key (R11). Tokens are decrypted only in memory, one at a time, and never leave here.
 */
public final class StoredTokens {
  private static final String ROWS = "SELECT slack_user_id, token_ciphertext FROM connected_users ORDER BY slack_user_id";

  private StoredTokens() {}

  /** What checking the tokens against a key found. */
  public record Check(int tokens, List<String> unreadable) {}

  /** Tries every stored token of the database behind {@code c} with {@code cipher}, changing nothing. */
  public static Check check(Connection c, TokenCipher cipher) throws SQLException {
    List<String> unreadable = new ArrayList<>();
    int tokens = 0;
    try (PreparedStatement s = c.prepareStatement(ROWS); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        tokens++;
        String user = rs.getString(1);
        try {
          cipher.decrypt(rs.getBytes(2), user);
        } catch (TokenDecryptionException e) {
          unreadable.add(user);
        }
      }
    }
    return new Check(tokens, List.copyOf(unreadable));
  }

  /**
   * Seals every stored token again with {@code to}, in one transaction that first opens each with {@code from} and
   * afterwards opens each with {@code to}; returns how many. Either all are resealed or none is.
   *
   * @throws TokenDecryptionException if a token does not open with {@code from} (or, impossibly, with {@code to}
   *     afterwards): nothing was changed
   */
  public static int reseal(Database db, TokenCipher from, TokenCipher to) {
    return db.jdbi().inTransaction(h -> {
      List<Row> rows = rows(h);
      for (Row row : rows) {
        byte[] sealed = to.encrypt(from.decrypt(row.sealed(), row.user()), row.user());
        h.createUpdate("UPDATE connected_users SET token_ciphertext = :t WHERE slack_user_id = :u")
            .bind("t", sealed)
            .bind("u", row.user())
            .execute();
      }
      for (Row row : rows(h)) {
        to.decrypt(row.sealed(), row.user());
      }
      return rows.size();
    });
  }

  private record Row(String user, byte[] sealed) {}

  private static List<Row> rows(Handle h) {
    return h.createQuery(ROWS).map((rs, ctx) -> new Row(rs.getString(1), rs.getBytes(2))).list();
  }
}
