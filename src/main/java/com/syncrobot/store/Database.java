package com.syncrobot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The bot's store: a SQLite file (the default, one process) or a PostgreSQL database (several replicas),
 * migrated to the current schema when opened. Thread-safe: every Jdbi handle gets a connection of its own from a
 * pool (a setting a handle changes on its connection must be set back before the handle closes).
 *
 * <p>The code above it may rely on one guarantee on both: a transaction ({@code inTransaction}) sees nothing
 * change between its reads and its writes. SQLite gives it by letting one writer in at a time; on PostgreSQL
 * such transactions run SERIALIZABLE and are retried on a serialization failure ({@link SerializableByDefault}),
 * so a transaction's callback must do nothing but database work. Single statements outside a transaction run
 * READ COMMITTED, where a conditional {@code UPDATE ... WHERE state = ...} still lets exactly one of several
 * concurrent callers through.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** How long a connection waits for another writer's lock before failing with SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  /** The most connections one process holds to a PostgreSQL server. */
  static final int POOL_SIZE = 10;

  /** The most connections one process holds open to a SQLite file (see {@link #sqlitePool}). */
  static final int SQLITE_POOL_SIZE = 64;

  static final String MIGRATIONS = "classpath:db/migration/";

  private final Dialect dialect;
  private final String shownUrl;
  private final Jdbi jdbi;
  // SQLite: the connection pool and a connection held open for the database's lifetime (a shared-cache in-memory
  // database vanishes with its last connection, and for a file it keeps SQLite from checkpointing and dropping the
  // WAL after every call). PostgreSQL: the connection pool.
  private final AutoCloseable resource;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Database(Dialect dialect, String shownUrl, Jdbi jdbi, AutoCloseable resource) {
    this.dialect = dialect;
    this.shownUrl = shownUrl;
    this.jdbi = jdbi;
    this.resource = resource;
  }

  /** Opens the database at {@code jdbcUrl} with the user and password the URL gives, if any; see {@link #open(String, String, String)}. */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens the database at {@code jdbcUrl} and applies pending Flyway migrations of its dialect. For SQLite it
   * creates the parent folder of the database file; for PostgreSQL it opens a connection pool, logging in as
   * {@code user} with {@code password} when given (else as the URL says).
   *
   * @throws IllegalArgumentException if the URL is neither a usable {@code jdbc:sqlite:} nor a
   *     {@code jdbc:postgresql:} URL
   * @throws DatabaseOpenException if the folder cannot be created, the database cannot be reached or opened,
   *     or a migration fails; its message never holds the password
   */
  public static Database open(String jdbcUrl, @Nullable String user, @Nullable String password) {
    return switch (Dialect.of(jdbcUrl)) {
      case SQLITE -> openSqlite(SqliteUrl.parse(jdbcUrl));
      case POSTGRESQL -> openPostgres(PostgresUrl.parse(jdbcUrl), user, password);
    };
  }

  private static Database openSqlite(SqliteUrl url) {
    Path file = url.file();
    if (file != null) {
      createParentFolder(file);
    }
    SQLiteDataSource dataSource = sqliteDataSource(url.jdbcUrl());
    Connection keeper;
    try {
      keeper = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DatabaseOpenException("cannot open database " + url.jdbcUrl() + ": " + e.getMessage(), e);
    }
    try {
      migrate(dataSource, Dialect.SQLITE, url.jdbcUrl(), file);
    } catch (RuntimeException e) {
      closeQuietly(keeper);
      throw e;
    }
    HikariDataSource pool;
    try {
      pool = sqlitePool(dataSource);
    } catch (RuntimeException e) {
      closeQuietly(keeper);
      throw new DatabaseOpenException("cannot open database " + url.jdbcUrl() + ": " + e.getMessage(), e);
    }
    Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    return new Database(Dialect.SQLITE, url.jdbcUrl(), jdbi, () -> {
      pool.close();
      keeper.close();
    });
  }

  /**
   * Open SQLite connections kept for reuse: opening one (the file, the WAL index, the pragmas) costs milliseconds,
   * which a Slack ack reading the connected technician or a delivery key cannot afford. Sized above the threads
   * that use the store at once (HTTP, work queues, plan runs, schedulers), so a reader never waits for a
   * connection that a writer holds while it waits for SQLite's write lock; idle ones are closed after a minute.
   */
  private static HikariDataSource sqlitePool(SQLiteDataSource dataSource) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setPoolName("syncro-bot-sqlite");
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    config.setMinimumIdle(2);
    config.setIdleTimeout(60_000);
    config.setConnectionTimeout(BUSY_TIMEOUT_MILLIS * 2L);
    return new HikariDataSource(config);
  }

  private static Database openPostgres(PostgresUrl url, @Nullable String user, @Nullable String password) {
    HikariConfig config = new HikariConfig();
    PostgresUrl.Login login = url.login();
    config.setJdbcUrl(login.url());
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null && !password.isEmpty()) {
      config.setPassword(password);
    } else if (login.password() != null) {
      password = login.password();
      config.setPassword(password);
    }
    config.setPoolName("syncro-bot-store");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(BUSY_TIMEOUT_MILLIS * 2L);
    // Single statements: READ COMMITTED (see the class comment); transactions ask for SERIALIZABLE themselves.
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // Fail at once, with the server's reason, when the database cannot be reached.
    config.setInitializationFailTimeout(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseOpenException("cannot open database " + url.shown() + ": " + rootMessage(e, password), e);
    }
    try {
      migrate(pool, Dialect.POSTGRESQL, url.shown(), null);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    jdbi.setTransactionHandler(new SerializableByDefault());
    jdbi.getConfig(SerializableTransactionRunner.Configuration.class).setMaxRetries(SerializableByDefault.MAX_RETRIES);
    return new Database(Dialect.POSTGRESQL, url.shown(), jdbi, pool);
  }

  /** The innermost cause's message, never holding {@code password}. */
  private static String rootMessage(Throwable e, @Nullable String password) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = String.valueOf(t.getMessage());
    return password == null || password.isEmpty() ? message : message.replace(password, "***");
  }

  /**
   * Returns the database file {@code jdbcUrl} names, or null for a shared-cache in-memory SQLite database or a
   * PostgreSQL database.
   *
   * @throws IllegalArgumentException as {@link #open} does for a URL it refuses
   */
  public static @Nullable Path file(String jdbcUrl) {
    return Dialect.of(jdbcUrl) == Dialect.SQLITE ? SqliteUrl.parse(jdbcUrl).file() : null;
  }

  /** Returns {@code jdbcUrl} as it may be shown in a log or message: any password it carries replaced by ***. */
  public static String shown(String jdbcUrl) {
    return PostgresUrl.redact(jdbcUrl);
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

  private static SQLiteDataSource sqliteDataSource(String jdbcUrl) {
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

  /**
   * Applies pending migrations; a SQLite {@code file} that already has a schema is first copied beside itself
   * ({@link StoreBackup#beforeMigration}), so a migration that goes wrong can be undone with {@code restore}.
   */
  private static void migrate(DataSource dataSource, Dialect dialect, String shownUrl, @Nullable Path file) {
    try {
      Flyway flyway = Flyway.configure(Database.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS + dialect.migrationFolder())
          // A jar built without the migrations must not start on an empty schema.
          .failOnMissingLocations(true)
          .validateMigrationNaming(true)
          .loggers(QuietFlywayLogCreator.class.getName())
          .load();
      if (file != null) {
        backUpBeforeMigrating(flyway, file, shownUrl);
      }
      MigrateResult result = flyway.migrate();
      log.info(
          "Opened database {} at schema version {} ({} migration(s) applied now)",
          shownUrl,
          result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (FlywayException e) {
      throw new DatabaseOpenException("cannot migrate database " + shownUrl + ": " + e.getMessage(), e);
    }
  }

  private static void backUpBeforeMigrating(Flyway flyway, Path file, String shownUrl) {
    MigrationInfoService info = flyway.info();
    MigrationInfo current = info.current();
    MigrationInfo[] pending = info.pending();
    if (current == null || current.getVersion() == null || pending.length == 0) {
      return; // a new store, or nothing to change
    }
    String from = current.getVersion().getVersion();
    String to = String.valueOf(pending[pending.length - 1].getVersion());
    try {
      Path copy = StoreBackup.beforeMigration(file, from, to, Clock.systemUTC());
      log.info("Copied database {} (schema version {}) to {} before migrating it to version {}", shownUrl, from,
          copy.toAbsolutePath(), to);
    } catch (IOException e) {
      throw new DatabaseOpenException("cannot back up database " + shownUrl
          + " before migrating it from schema version "
          + from + " to " + to + " (" + e.getMessage() + "); nothing was migrated. Free space beside the database, or"
          + " run the previous version of the bot until it can", e);
    }
  }

  /** Returns which database this is. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Returns the Jdbi instance, with the SqlObject plugin installed.
   *
   * @throws IllegalStateException if the database is closed
   */
  public Jdbi jdbi() {
    if (closed.get()) {
      throw new IllegalStateException("database " + shownUrl + " is closed");
    }
    return jdbi;
  }

  /**
   * Runs {@code read} in one transaction on {@code jdbi} that sees a consistent snapshot and waits for no writer:
   * on SQLite a DEFERRED transaction (every other transaction there is IMMEDIATE, taking the write lock), on
   * PostgreSQL a REPEATABLE READ one, which never fails for a conflict when it only reads. Only for transactions
   * that do not write.
   */
  public static <R> R read(Jdbi jdbi, HandleCallback<R, RuntimeException> read) {
    return jdbi.withHandle(h -> isSqlite(h) ? readDeferred(h, read)
        : h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read));
  }

  private static <R> R readDeferred(Handle h, HandleCallback<R, RuntimeException> read) {
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
  }

  /** Returns whether {@code h} is a connection to a SQLite database. */
  public static boolean isSqlite(Handle h) {
    try {
      return h.getConnection().isWrapperFor(SQLiteConnection.class);
    } catch (SQLException e) {
      return false;
    }
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
      log.warn("Database {} failed its health check: {}", shownUrl, e.toString());
      return false;
    }
  }

  /** Closes the database; later calls to {@link #jdbi()} fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing database {} failed: {}", shownUrl, e.toString());
      }
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
    return "Database[" + shownUrl + (closed.get() ? ", closed" : "") + "]";
  }
}
