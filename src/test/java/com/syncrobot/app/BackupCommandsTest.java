package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.StoreBackup;
import com.syncrobot.store.StoreLock;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.store.TokenDecryptionException;
import com.syncrobot.syncro.SyncroToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `backup`, `restore` and `rotate-key` on a real SQLite store filled through the bot's own classes: the round trips
 * keep every token readable, and every refusal changes nothing.
 */
@WireMockTest
final class BackupCommandsTest {
  private static final String ALICE = "U0ALICE01";
  private static final String BOB = "U0BOB0001";
  private static final SyncroToken ALICE_TOKEN = new SyncroToken("Talice-0123456789abcdef-SECRETaliceSECRET0123");
  private static final SyncroToken BOB_TOKEN = new SyncroToken("Tbob-0123456789abcdef-SECRETbobSECRET012345");

  @TempDir
  Path dir;
  private CliRun cli;
  private String url;
  private Path keyFile;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    cli = new CliRun(wm, dir);
    url = cli.env.get(BotConfig.DB_URL);
    keyFile = Path.of(cli.env.get(BotConfig.SECRET_KEY_FILE));
  }

  private ConnectedUserStore users(Database db, Path key) {
    return new ConnectedUserStore(db, new TokenCipher(SecretKeys.load(null, key)), Clock.systemUTC());
  }

  private void connect(String user, SyncroToken token) {
    try (Database db = Database.open(url)) {
      users(db, keyFile).connect(user, 7, "Tech " + user, token);
    }
  }

  @Test
  void backup_ofAServedStore_thenRestore_bringsBackEveryTokenAsItWas_andKeepsTheStoreItReplaced() throws Exception {
    Path backup = dir.resolve("backups/monday.db");
    try (StoreLock serving = StoreLock.acquire(url, Clock.systemUTC()); Database db = Database.open(url)) {
      users(db, keyFile).connect(ALICE, 7, "Alice", ALICE_TOKEN);
      // The bot keeps its store open (and its write-ahead log unmerged) while the backup is taken.
      assertThat(cli.run("", "backup", "--to", backup.toString())).as(cli.err()).isZero();
      assertThat(cli.out()).contains("schema version", "1 connected technician(s)", "not the key");
      users(db, keyFile).remove(ALICE);
      users(db, keyFile).connect(BOB, 8, "Bob", BOB_TOKEN);

      assertThat(cli.run("", "restore", "--from", backup.toString())).isEqualTo(2);
      assertThat(cli.err()).contains("Stop the bot", "Nothing was restored");
      assertThat(users(db, keyFile).find(BOB)).isPresent();
    }

    assertThat(cli.run("", "restore", "--from", backup.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Restored the store", "1 connected technician(s)",
        "The store it replaced is kept at");
    try (Database db = Database.open(url)) {
      assertThat(users(db, keyFile).find(ALICE).orElseThrow().token()).isEqualTo(ALICE_TOKEN);
      assertThat(users(db, keyFile).find(BOB)).isEmpty();
    }
    Path kept = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("bot.db.before-restore-"))
        .findFirst().orElseThrow();
    assertThat(StoreBackup.inspect(kept).connectedUsers()).isEqualTo(1);
    try (Database db = Database.open("jdbc:sqlite:" + kept)) {
      assertThat(users(db, keyFile).find(BOB).orElseThrow().token()).isEqualTo(BOB_TOKEN);
    }
  }

  @Test
  void backup_neverOverwritesAFile() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    Path existing = Files.writeString(dir.resolve("existing.db"), "keep me");
    assertThat(cli.run("", "backup", "--to", existing.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("already exists", "Nothing was written");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void backup_ofAMissingStore_saysWhereItLooked() {
    assertThat(cli.run("", "backup", "--to", dir.resolve("b.db").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("no store at");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }

  @Test
  void backupAndRestore_onPostgres_pointToItsOwnTools() {
    cli.env.put(BotConfig.DB_URL, "jdbc:postgresql://127.0.0.1:1/syncro_bot");
    assertThat(cli.run("", "backup", "--to", dir.resolve("b.db").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("PostgreSQL database", "pg_dump");
    assertThat(cli.run("", "restore", "--from", dir.resolve("b.db").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("pg_restore");
  }

  @Test
  void restore_ofSomethingThatIsNotABackup_isRefused_andTheStoreStaysAsItWas() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all, but long enough to be read");
    assertThat(cli.run("", "restore", "--from", text.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("is not a SQLite database", "Nothing was restored");

    Path other = dir.resolve("other.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other); var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
    }
    assertThat(cli.run("", "restore", "--from", other.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("not a syncro-bot store");

    assertThat(cli.run("", "restore", "--from", dir.resolve("missing.db").toString())).isEqualTo(1);
    assertThat(cli.err()).contains("there is no file at");
    try (Database db = Database.open(url)) {
      assertThat(users(db, keyFile).find(ALICE)).isPresent();
    }
  }

  @Test
  void restore_ofABackupMadeUnderAnotherKey_isRefused_andTheStoreStaysAsItWas() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    Path backup = dir.resolve("monday.db");
    assertThat(cli.run("", "backup", "--to", backup.toString())).isZero();
    cli.env.put(BotConfig.SECRET_KEY, Base64.getEncoder().encodeToString(new byte[32]));
    assertThat(cli.run("", "restore", "--from", backup.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("1 of the 1 Syncro tokens in the backup do not open", "another key",
        "Nothing was restored");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
  }

  @Test
  void rotateKey_resealsEveryToken_underTheNewKey_andTheOldKeyNoLongerOpensThem() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    connect(BOB, BOB_TOKEN);
    Path newKey = dir.resolve("keys/new.key");
    assertThat(cli.run("", "rotate-key", "--new-key-file", newKey.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).contains("2 connected technician(s)", BotConfig.SECRET_KEY_FILE + "=" + newKey);
    assertThat(newKey).exists();
    String printed = cli.out() + cli.err();
    assertThat(printed).doesNotContain(Files.readString(newKey, StandardCharsets.US_ASCII).strip())
        .doesNotContain(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
    try (Database db = Database.open(url)) {
      assertThat(users(db, newKey).find(ALICE).orElseThrow().token()).isEqualTo(ALICE_TOKEN);
      assertThat(users(db, newKey).find(BOB).orElseThrow().token()).isEqualTo(BOB_TOKEN);
      assertThatThrownBy(() -> users(db, keyFile).find(ALICE)).isInstanceOf(TokenDecryptionException.class);
    }
    Path before = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("bot.db.before-rotate-key-"))
        .findFirst().orElseThrow();
    try (Database db = Database.open("jdbc:sqlite:" + before)) {
      assertThat(users(db, keyFile).find(ALICE).orElseThrow().token()).isEqualTo(ALICE_TOKEN);
    }
  }

  @Test
  void rotateKey_whileABotServes_isRefused_andCreatesNoKey() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    Path newKey = dir.resolve("new.key");
    try (StoreLock serving = StoreLock.acquire(url, Clock.systemUTC())) {
      assertThat(cli.run("", "rotate-key", "--new-key-file", newKey.toString())).isEqualTo(2);
    }
    assertThat(cli.err()).contains("no bot serves", "Nothing was changed");
    assertThat(newKey).doesNotExist();
    try (Database db = Database.open(url)) {
      assertThat(users(db, keyFile).find(ALICE).orElseThrow().token()).isEqualTo(ALICE_TOKEN);
    }
  }

  @Test
  void rotateKey_toTheKeyInUse_isRefused() throws Exception {
    connect(ALICE, ALICE_TOKEN);
    assertThat(cli.run("", "rotate-key", "--new-key-file", keyFile.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("the key file the bot uses now");
    Path copy = Files.copy(keyFile, dir.resolve("same.key"));
    assertThat(cli.run("", "rotate-key", "--new-key-file", copy.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("is the key the bot uses now");
    try (Database db = Database.open(url)) {
      assertThat(users(db, keyFile).find(ALICE).orElseThrow().token()).isEqualTo(ALICE_TOKEN);
    }
  }
}
