package com.syncrobot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Consistent copies of a SQLite store: {@link #copy} takes one while a bot serves the store (SQLite's
 * {@code VACUUM INTO} reads one snapshot, the write-ahead log included, and never blocks the bot's writers), and
 * {@link #inspect} says whether a file is an intact store of this bot before anything is put back.
 */
public final class StoreBackup {
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  /** How many automatic copies taken before migrations are kept beside the store. */
  static final int KEEP_BEFORE_MIGRATION = 3;

  private StoreBackup() {}

  /** What a store file holds, as far as a backup or a restore needs to say. */
  public record Contents(String schemaVersion, long connectedUsers, long plans) {}

  /** Why a file cannot be used as a store; the message says what to do instead. */
  public static final class NotAStore extends Exception {
    private static final long serialVersionUID = 1L;

    NotAStore(String message) {
      super(message);
    }
  }

  /**
   * Writes a consistent copy of the SQLite database {@code database} to {@code target}, which must not exist yet:
   * first to a temporary file beside it, checked, then moved into place, so {@code target} never holds half a copy.
   *
   * @throws IOException if the copy cannot be written or does not check out; nothing is left at {@code target}
   */
  public static Contents copy(Path database, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new IOException(target + " already exists; name a new file, the backup never overwrites one");
    }
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + target.getFileName() + ".partial");
    Files.deleteIfExists(temp);
    try {
      try (Connection c = connect(database, true); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, temp.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw new IOException("SQLite could not copy " + database + " to " + temp + ": " + e.getMessage(), e);
      }
      Contents contents;
      try {
        contents = inspect(temp);
      } catch (NotAStore e) {
        throw new IOException("the copy of " + database + " did not check out: " + e.getMessage(), e);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return contents;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads {@code file} without changing it and returns what it holds, once SQLite's integrity check passed and the
   * file has the bot's schema history.
   *
   * @throws NotAStore saying why not
   */
  public static Contents inspect(Path file) throws NotAStore {
    if (!Files.isRegularFile(file)) {
      throw new NotAStore("there is no file at " + file.toAbsolutePath());
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
        throw new NotAStore(file + " is not a SQLite database; give the file that `backup --to` wrote");
      }
    } catch (IOException e) {
      throw new NotAStore("cannot read " + file + ": " + e.getMessage());
    }
    try (Connection c = connect(file, true); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        String verdict = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw new NotAStore(file + " is damaged (SQLite's integrity check says: " + verdict
              + "); take another backup");
        }
      }
      if (!hasTable(s, "flyway_schema_history") || !hasTable(s, "connected_users")) {
        throw new NotAStore(file + " is a SQLite database but not a syncro-bot store (it has no schema history or no"
            + " connected users table)");
      }
      String version = one(s, "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
          + " ORDER BY installed_rank DESC LIMIT 1");
      long users = count(s, "SELECT COUNT(*) FROM connected_users");
      long plans = hasTable(s, "plans") ? count(s, "SELECT COUNT(*) FROM plans") : 0;
      return new Contents(version == null ? "none" : version, users, plans);
    } catch (SQLException e) {
      throw new NotAStore("SQLite cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Before migrations change the schema of {@code database} (at {@code fromVersion}, going to {@code toVersion}),
   * copies it to {@code <file>.before-v<to>-<time>.bak} beside it and keeps the {@value #KEEP_BEFORE_MIGRATION}
   * newest of those copies.
   */
  static Path beforeMigration(Path database, String fromVersion, String toVersion, Clock clock) throws IOException {
    String name = database.getFileName().toString();
    Path target = database
        .resolveSibling(name + ".before-v" + toVersion + "-" + STAMP.format(clock.instant()) + ".bak");
    copy(database, target);
    prune(database, name + ".before-v");
    return target;
  }

  private static void prune(Path database, String prefix) throws IOException {
    Path folder = database.toAbsolutePath().getParent();
    List<Path> copies = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".bak");
    })) {
      all.forEach(copies::add);
    }
    copies.sort(Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        return 0L;
      }
    }).reversed());
    for (Path old : copies.subList(Math.min(KEEP_BEFORE_MIGRATION, copies.size()), copies.size())) {
      Files.deleteIfExists(old);
    }
  }

  /** A stamp for file names, e.g. {@code 20261206-134501}, in UTC. */
  public static String stamp(Clock clock) {
    return STAMP.format(clock.instant());
  }

  private static boolean hasTable(Statement s, String table) throws SQLException {
    return count(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'") == 1;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static @Nullable String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    if (readOnly) {
      // Never create the file when it is not there.
      config.resetOpenMode(SQLiteOpenMode.CREATE);
    }
    config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
