package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

final class DatabaseTest {
  @TempDir
  Path dir;

  @Test
  void sqlite_handlesReuseOpenConnections() throws Exception {
    // Opening a SQLite connection (file, WAL index, pragmas) costs milliseconds that an ack cannot spend.
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"))) {
      SQLiteConnection first = db.jdbi().withHandle(h -> h.getConnection().unwrap(SQLiteConnection.class));
      SQLiteConnection second = db.jdbi().withHandle(h -> h.getConnection().unwrap(SQLiteConnection.class));
      assertThat(second).isSameAs(first);
      assertThat(second.isClosed()).isFalse();
    }
  }

  @Test
  void open_freshFileInMissingFolder_createsFolderAndAppliesMigrations() {
    Path file = dir.resolve("data/nested/bot.db");

    try (Database db = Database.open("jdbc:sqlite:" + file)) {
      assertThat(file).exists();
      assertThat(tables(db)).contains("connected_users", "flyway_schema_history");
      assertThat(appliedVersions(db)).isEqualTo(migrationVersionsInRepo());
    }
  }

  /** The versions of the migration files in the repository's db/sqlite/ folder, in order. */
  private static java.util.List<String> migrationVersionsInRepo() {
    try (var files = java.nio.file.Files.list(Path.of("db", "sqlite"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+(_\\d+)?__.*\\.sql"))
          // V8_2__x.sql is version 8.2, after 8 and before 9
          .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
          .sorted(java.util.Comparator.comparingDouble(Double::parseDouble))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void open_fileUriForm_createsFolderOfTheDecodedPath() {
    Path file = dir.resolve("with space/bot.db");

    String url = "jdbc:sqlite:file:" + dir.toString().replace(" ", "%20") + "/with%20space/bot.db";
    try (Database db = Database.open(url)) {
      assertThat(db.healthy()).isTrue();
    }
    assertThat(file).exists();
  }

  @Test
  void open_sameFileTwice_keepsDataAndDoesNotReapplyMigrations() {
    String url = "jdbc:sqlite:" + dir.resolve("bot.db");
    try (Database db = Database.open(url)) {
      db.jdbi().useHandle(h -> h.execute("""
          INSERT INTO connected_users VALUES ('U1', 7, 'Ann', x'00', '2025-01-01T00:00:00.000Z',
          '2025-01-01T00:00:00.000Z')
          """));
    }

    try (Database db = Database.open(url)) {
      assertThat(appliedVersions(db)).isEqualTo(migrationVersionsInRepo());
      assertThat(userRows(db)).isEqualTo(1);
    }
  }

  @Test
  void connections_haveWalBusyTimeoutForeignKeysAndNormalSync() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"))) {
      db.jdbi().useHandle(h -> {
        assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
        assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5000);
        assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
        // 1 = NORMAL
        assertThat(h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(1);
      });
    }
  }

  @Test
  void healthy_openDatabase_trueAndFalseAfterClose() {
    Database db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    assertThat(db.healthy()).isTrue();

    db.close();

    assertThat(db.healthy()).isFalse();
    assertThatThrownBy(db::jdbi).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    db.close(); // idempotent
  }

  @Test
  void open_sharedCacheMemoryUrl_migratesAndKeepsDataBetweenHandles() {
    String name = "mem-" + UUID.randomUUID();
    String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";

    try (Database db = Database.open(url)) {
      db.jdbi().useHandle(h -> h.execute("""
          INSERT INTO connected_users VALUES ('U1', 7, 'Ann', x'00', '2025-01-01T00:00:00.000Z',
          '2025-01-01T00:00:00.000Z')
          """));
      assertThat(userRows(db)).isEqualTo(1);
    }
    assertThat(Path.of(name)).doesNotExist();
  }

  @Test
  void open_unreachablePostgres_failsAtOnceWithoutEchoingThePassword() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closed + "/bot?user=bot&password=hunter2";
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageContaining(
            "cannot open database jdbc:postgresql://127.0.0.1:" + closed + "/bot?user=bot&password=***")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> Database.open(url.replace("&password=hunter2", ""), "bot", "hunter2"))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void open_privateMemoryDatabase_rejectedBecauseEachConnectionWouldSeeAnEmptyOne() {
    assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mode=memory&cache=shared");
    assertThatThrownBy(() -> Database.open("jdbc:sqlite:file:x?mode=memory"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache=shared");
  }

  @Test
  void open_parentIsAFile_failsNamingTheFolder() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");

    assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + blocker.resolve("bot.db")))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageContaining("cannot create the folder");
  }

  @Test
  void open_fileIsNotADatabase_failsNamingTheDatabase() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.db"), "these are not the pages you are looking for ".repeat(50));

    assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageContaining(file.toString());
  }

  private static int userRows(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM connected_users").mapTo(Integer.class).one());
  }

  private static List<String> tables(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
        .mapTo(String.class).list());
  }

  private static List<String> appliedVersions(Database db) {
    String sql = "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
        + " ORDER BY installed_rank";
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }
}
