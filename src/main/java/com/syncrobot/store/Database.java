package com.syncrobot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The bot's SQLite database, migrated to the current schema when opened. Thread-safe: every Jdbi
 * handle gets its own connection, and concurrent writers wait for each other up to the busy timeout.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** How long a connection waits for another writer's lock before failing with SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  static final String MIGRATIONS = "classpath:db/migration/sqlite";

  private final SqliteUrl url;
  private final Jdbi jdbi;
  // Held open for the database's lifetime: a shared-cache in-memory database vanishes with its last
  // connection, and for a file it keeps SQLite from checkpointing and dropping the WAL after every call.
  private final Connection keeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(SqliteUrl url, Jdbi jdbi, Connection keeper) {
    this.url = url;
    this.jdbi = jdbi;
    this.keeper = keeper;
  }

  /**
   * Opens the SQLite database at {@code jdbcUrl}, creating the parent folder of a database file, and
   * applies pending Flyway migrations from {@code classpath:db/migration}.
   *
   * @throws IllegalArgumentException if the URL is not a {@code jdbc:sqlite:} URL of a file or of a
   *     shared-cache in-memory database
   * @throws DatabaseOpenException if the folder cannot be created, the database cannot be opened or
   *     a migration fails
   */
  public static Database open(String jdbcUrl) {
    SqliteUrl url = SqliteUrl.parse(jdbcUrl);
    Path file = url.file();
    if (file != null) {
      createParentFolder(file);
    }
    SQLiteDataSource dataSource = dataSource(url.jdbcUrl());
    Connection keeper;
    try {
      keeper = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DatabaseOpenException("cannot open database " + url.jdbcUrl() + ": " + e.getMessage(), e);
    }
    try {
      MigrateResult result = migrate(dataSource);
      log.info(
          "Opened database {} at schema version {} ({} migration(s) applied now)",
          url.jdbcUrl(),
          result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (FlywayException e) {
      closeQuietly(keeper);
      throw new DatabaseOpenException("cannot migrate database " + url.jdbcUrl() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(keeper);
      throw e;
    }
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    return new Database(url, jdbi, keeper);
  }

  /**
   * Returns the database file {@code jdbcUrl} names, or null for a shared-cache in-memory database.
   *
   * @throws IllegalArgumentException as {@link #open} does for a URL it refuses
   */
  public static @Nullable Path file(String jdbcUrl) {
    return SqliteUrl.parse(jdbcUrl).file();
  }

  private static void createParentFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new DatabaseOpenException("cannot create the folder " + parent + " for database " + file + ": " + e, e);
    }
  }

  private static SQLiteDataSource dataSource(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    // NORMAL is durable in WAL mode except for the last transactions before a power loss.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
    // writer got in between (the busy timeout does not help there); IMMEDIATE takes the write lock up
    // front, so read-then-write transactions (e.g. R2 idempotency checks) queue instead of failing.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(jdbcUrl);
    return dataSource;
  }

  private static MigrateResult migrate(SQLiteDataSource dataSource) {
    return Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        // A jar built without the migrations must not start on an empty schema.
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .loggers(QuietFlywayLogCreator.class.getName())
        .load()
        .migrate();
  }

  /**
   * Returns the Jdbi instance, with the SqlObject plugin installed.
   *
   * @throws IllegalStateException if the database is closed
   */
  public Jdbi jdbi() {
    if (closed.get()) {
      throw new IllegalStateException("database " + url.jdbcUrl() + " is closed");
    }
    return jdbi;
  }

  /**
   * Runs {@code read} in one DEFERRED transaction on {@code jdbi}: a consistent snapshot that does not take
   * the write lock (every other transaction here is IMMEDIATE), so reading never queues behind a writer.
   * Only for transactions that do not write.
   */
  public static <R> R read(Jdbi jdbi, HandleCallback<R, RuntimeException> read) {
    HandleCallback<R, RuntimeException> deferred = h -> {
      SQLiteConnectionConfig config;
      try {
        config = h.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig();
      } catch (SQLException e) {
        throw new IllegalStateException("not a SQLite connection", e);
      }
      SQLiteConfig.TransactionMode mode = config.getTransactionMode();
      config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
      try {
        return h.inTransaction(read);
      } finally {
        config.setTransactionMode(mode);
      }
    };
    return jdbi.withHandle(deferred);
  }

  /** Returns whether the database answers a trivial query; false once closed. */
  public boolean healthy() {
    if (closed.get()) {
      return false;
    }
    try {
      Integer one = jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
      return one == 1;
    } catch (RuntimeException e) {
      log.warn("Database {} failed its health check: {}", url.jdbcUrl(), e.toString());
      return false;
    }
  }

  /** Closes the database; later calls to {@link #jdbi()} fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(keeper);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing a database connection failed: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "Database[" + url.jdbcUrl() + (closed.get() ? ", closed" : "") + "]";
  }
}
