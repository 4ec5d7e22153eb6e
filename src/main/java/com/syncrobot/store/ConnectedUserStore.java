package com.syncrobot.store;

import com.syncrobot.syncro.SyncroToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slack users who connected their own Syncro token, with the token stored only encrypted and bound
 * to its Slack user (R11). Thread-safe.
 */
public final class ConnectedUserStore {
  // Fixed width, so stored times sort correctly as text.
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final Database db;
  private final TokenCipher cipher;
  private final Clock clock;

  /** Creates a store over {@code db} that seals tokens with {@code cipher} and stamps times from {@code clock}. */
  public ConnectedUserStore(Database db, TokenCipher cipher, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.cipher = Objects.requireNonNull(cipher, "cipher == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Connects {@code slackUserId} to a Syncro user and token, replacing the token and name of an earlier
   * connection (whose first connection time is kept).
   *
   * @throws IllegalArgumentException if {@code slackUserId} is blank
   */
  public ConnectedUser connect(String slackUserId, long syncroUserId, String syncroUserName, SyncroToken token) {
    requireUser(slackUserId);
    Objects.requireNonNull(syncroUserName, "syncroUserName == null");
    Objects.requireNonNull(token, "token == null");
    byte[] sealed = cipher.encrypt(token, slackUserId);
    String now = TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    var row = new ConnectedUserDao.Upsert(slackUserId, syncroUserId, syncroUserName, sealed, now);
    String connectedAt = db.jdbi().withExtension(ConnectedUserDao.class, dao -> dao.upsert(row));
    return new ConnectedUser(slackUserId, syncroUserId, syncroUserName, Instant.parse(connectedAt), token);
  }

  /**
   * Returns the connected user with their decrypted token, or empty if {@code slackUserId} never connected.
   *
   * @throws TokenDecryptionException if the stored token cannot be decrypted with the current key
   */
  public Optional<ConnectedUser> find(String slackUserId) {
    requireUser(slackUserId);
    return db.jdbi()
        .withHandle(h -> ConnectedUserDao.find(h, slackUserId))
        .map(row -> new ConnectedUser(row.slackUserId(), row.syncroUserId(), row.syncroUserName(),
            Instant.parse(row.connectedAt()), cipher.decrypt(row.tokenCiphertext(), row.slackUserId())));
  }

  /** Returns every connected user, ordered by Slack user id, without reading any token. */
  public List<ConnectedUserSummary> list() {
    return db.jdbi().withExtension(ConnectedUserDao.class, ConnectedUserDao::list).stream()
        .map(row -> new ConnectedUserSummary(
            row.slackUserId(), row.syncroUserId(), row.syncroUserName(), Instant.parse(row.connectedAt())))
        .toList();
  }

  /** Forgets {@code slackUserId}'s connection and token; returns whether there was one. */
  public boolean remove(String slackUserId) {
    requireUser(slackUserId);
    return db.jdbi().withExtension(ConnectedUserDao.class, dao -> dao.remove(slackUserId)) > 0;
  }

  private static void requireUser(String slackUserId) {
    Objects.requireNonNull(slackUserId, "slackUserId == null");
    if (slackUserId.isBlank()) {
      throw new IllegalArgumentException("slackUserId is blank");
    }
  }
}
