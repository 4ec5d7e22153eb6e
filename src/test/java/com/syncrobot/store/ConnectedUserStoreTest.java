package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.Fixtures;
import com.syncrobot.testkit.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

@ParameterizedClass
@EnumSource(Dialect.class)
final class ConnectedUserStoreTest {
  private static final Instant T0 = Instant.parse("2025-03-04T09:15:30.123Z");
  private static final SyncroToken ANN_TOKEN = new SyncroToken("AnnPlaintextToken-7f3e9a1c55d0");
  private static final SyncroToken ANN_NEW_TOKEN = new SyncroToken("AnnRotatedToken-0b7c2d9e44aa");
  private static final SyncroToken BOB_TOKEN = new SyncroToken("BobPlaintextToken-2a4c6e8f1357");

  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private final MutableClock clock = Clocks.at(T0);
  private final SecretKey key = Fixtures.newKey();
  private Path file;
  private Database db;
  private ConnectedUserStore store;

  @BeforeEach
  void setUp() {
    file = dir.resolve("bot.db");
    db = Database.open(TestStores.newStore(dialect, dir));
    store = new ConnectedUserStore(db, new TokenCipher(key), clock);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void connectThenFind_returnsUserWithToken_R11() {
    ConnectedUser connected = store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);

    assertThat(connected).isEqualTo(new ConnectedUser("UANN", 101, "Ann Tech", T0, ANN_TOKEN));
    assertThat(store.find("UANN")).contains(connected);
  }

  @Test
  void find_neverConnected_isEmpty() {
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);

    assertThat(store.find("UBOB")).isEmpty();
  }

  @Test
  void connect_again_replacesTokenAndNameKeepsConnectedAtAndStampsUpdatedAt() {
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    clock.add(Duration.ofDays(2));

    ConnectedUser again = store.connect("UANN", 102, "Ann Lee", ANN_NEW_TOKEN);

    assertThat(again).isEqualTo(new ConnectedUser("UANN", 102, "Ann Lee", T0, ANN_NEW_TOKEN));
    assertThat(store.find("UANN")).contains(again);
    assertThat(store.list()).hasSize(1);
    String updatedAt = db.jdbi()
        .withHandle(h -> h.createQuery("SELECT updated_at FROM connected_users").mapTo(String.class).one());
    assertThat(updatedAt).isEqualTo("2025-03-06T09:15:30.123Z");
  }

  @Test
  void list_returnsSummariesOrderedBySlackUser() {
    store.connect("UBOB", 202, "Bob Tech", BOB_TOKEN);
    clock.add(Duration.ofMinutes(5));
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);

    List<ConnectedUserSummary> users = store.list();

    assertThat(users).containsExactly(
        new ConnectedUserSummary("UANN", 101, "Ann Tech", T0.plus(Duration.ofMinutes(5))),
        new ConnectedUserSummary("UBOB", 202, "Bob Tech", T0));
    assertThat(users.toString()).doesNotContain(ANN_TOKEN.value(), BOB_TOKEN.value());
  }

  @Test
  void list_rowWithUndecryptableToken_stillListed() {
    // list() must not touch tokens, so a key change does not hide who is connected.
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    db.jdbi().useHandle(
        h -> h.createUpdate("UPDATE connected_users SET token_ciphertext = :b").bind("b", new byte[] {0}).execute());

    assertThat(store.list()).extracting(ConnectedUserSummary::slackUserId).containsExactly("UANN");
  }

  @Test
  void remove_connectedUser_trueThenGoneThenFalse() {
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    store.connect("UBOB", 202, "Bob Tech", BOB_TOKEN);

    assertThat(store.remove("UANN")).isTrue();
    assertThat(store.find("UANN")).isEmpty();
    assertThat(store.remove("UANN")).isFalse();
    assertThat(store.list()).extracting(ConnectedUserSummary::slackUserId).containsExactly("UBOB");
  }

  @Test
  void storedRows_doNotContainPlaintextToken_R11() throws Exception {
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    store.connect("UANN", 101, "Ann Tech", ANN_NEW_TOKEN);
    store.connect("UBOB", 202, "Bob Tech", BOB_TOKEN);

    if (dialect == Dialect.POSTGRESQL) {
      // no files to read: every row, its ciphertext as raw bytes
      String rows = db.jdbi()
          .withHandle(h -> h.createQuery("SELECT t::text AS row, token_ciphertext FROM connected_users t")
              .map((rs, ctx) -> rs.getString("row")
                  + new String(rs.getBytes("token_ciphertext"), StandardCharsets.ISO_8859_1))
              .list())
          .toString();
      assertThat(rows).contains("Bob Tech");
      assertThat(rows).doesNotContain(ANN_TOKEN.value(), ANN_NEW_TOKEN.value(), BOB_TOKEN.value());
      return;
    }
    // While open the rows may still sit in the WAL; after close they are checkpointed into the file.
    String whileOpen = databaseBytes();
    db.close();
    String afterClose = databaseBytes();

    for (String bytes : List.of(whileOpen, afterClose)) {
      // The plaintext name is found, so the search does look at the stored rows.
      assertThat(bytes).contains("Bob Tech");
      assertThat(bytes).doesNotContain(ANN_TOKEN.value(), ANN_NEW_TOKEN.value(), BOB_TOKEN.value());
    }
  }

  @Test
  void find_tokenStoredUnderAnotherKey_throwsWithoutSecrets_R11() {
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    var otherKeyStore = new ConnectedUserStore(db, new TokenCipher(Fixtures.newKey()), clock);

    assertThatThrownBy(() -> otherKeyStore.find("UANN"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("Slack user UANN")
        .hasMessageContaining("SYNCRO_BOT_SECRET_KEY changed?")
        .hasMessageNotContaining(ANN_TOKEN.value())
        .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(key.getEncoded()));
  }

  @Test
  void find_ciphertextMovedToAnotherUsersRow_fails_R11() {
    // Someone with database access copies Ann's token into Bob's row to act as Ann in Syncro.
    store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);
    store.connect("UBOB", 202, "Bob Tech", BOB_TOKEN);
    db.jdbi().useHandle(h -> h.execute("""
        UPDATE connected_users
        SET token_ciphertext = (SELECT token_ciphertext FROM connected_users WHERE slack_user_id = 'UANN')
        WHERE slack_user_id = 'UBOB'
        """));

    assertThatThrownBy(() -> store.find("UBOB"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("UBOB");
    assertThat(store.find("UANN")).map(ConnectedUser::token).contains(ANN_TOKEN);
  }

  @Test
  void connectedUser_toString_hidesToken_R11() {
    ConnectedUser connected = store.connect("UANN", 101, "Ann Tech", ANN_TOKEN);

    assertThat(connected.toString()).contains("UANN", "Ann Tech", "token=***").doesNotContain(ANN_TOKEN.value());
  }

  @Test
  void connect_blankSlackUser_rejected() {
    assertThatThrownBy(() -> store.connect(" ", 101, "Ann Tech", ANN_TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slackUserId");
  }

  @Test
  void connect_concurrentlyFromManyThreads_allSucceedWithoutSqliteBusy() throws Exception {
    // Slack handlers run on a thread pool; SQLite allows one writer at a time, so the others must wait
    // (busy timeout) instead of failing with SQLITE_BUSY.
    int threads = 8;
    int connectsPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Integer> work = () -> {
          start.await();
          for (int i = 0; i < connectsPerThread; i++) {
            // Half the writes hit a row another thread also writes.
            String user = i % 2 == 0 ? "USHARED" : "U" + thread;
            store.connect(user, thread, "Tech " + thread, new SyncroToken("tok-" + thread + "-" + i));
            assertThat(store.find(user)).isPresent();
          }
          return connectsPerThread;
        };
        results.add(pool.submit(work));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(connectsPerThread);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.list()).hasSize(threads + 1);
  }

  private String databaseBytes() throws Exception {
    StringBuilder all = new StringBuilder();
    for (Path p : List.of(file, dir.resolve("bot.db-wal"))) {
      if (Files.exists(p)) {
        all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
