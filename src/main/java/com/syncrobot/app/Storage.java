package com.syncrobot.app;

import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.TokenCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The opened store with the parts that need the encryption key; one per process. */
record Storage(Database db, ConnectedUserStore users) implements AutoCloseable {

  /** Loads (or first creates) the key, opens the database and applies migrations. */
  static Storage open(BotConfig config, Clock clock) {
    TokenCipher cipher = new TokenCipher(SecretKeys.load(config.secretKeyBase64(), config.secretKeyFile()));
    Database db = config.openDatabase();
    return new Storage(db, new ConnectedUserStore(db, cipher, clock));
  }

  /**
   * For commands that only read: opens the store and key the bot already has, and creates neither.
   *
   * @throws ConfigException saying where it looked, when the database or the key is not there
   */
  static Storage openExisting(BotConfig config, Clock clock) {
    requireDatabase(config);
    requireKey(config);
    return open(config, clock);
  }

  /**
   * For commands that read only the database: opens it when it is already there, never creating it.
   *
   * @throws ConfigException saying where it looked, when the database is not there
   */
  static Database existingDatabase(BotConfig config) {
    requireDatabase(config);
    return config.openDatabase();
  }

  /** Stops, saying where it looked, when the configured database file does not exist. */
  static void requireDatabase(BotConfig config) {
    @Nullable Path file;
    try {
      file = Database.file(config.dbUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(BotConfig.DB_URL + ": " + e.getMessage());
    }
    if (file != null && !Files.isRegularFile(file)) {
      String setting = config.dbUrl().equals(BotConfig.DEFAULT_DB_URL)
          ? BotConfig.DB_URL + " is not set, and its default " + config.dbUrl()
          : BotConfig.DB_URL + " is " + config.dbUrl();
      throw new ConfigException("no store at " + file.toAbsolutePath().normalize() + ": " + setting
          + relative(file) + ". Run this command in the folder the bot runs in, or set " + BotConfig.DB_URL
          + " to the bot's database. Nothing was created.");
    }
  }

  /** Stops, saying where it looked, when neither the key variable nor the key file is there. */
  static void requireKey(BotConfig config) {
    Path file = config.secretKeyFile();
    if (config.secretKeyBase64() == null && !Files.isRegularFile(file)) {
      throw new ConfigException("no token-encryption key: " + BotConfig.SECRET_KEY + " is not set and there is"
          + " no key file at " + file.toAbsolutePath().normalize() + " (" + BotConfig.SECRET_KEY_FILE + relative(file)
          + "). Give this command the bot's key settings: without the bot's key the stored tokens cannot be read."
          + " Nothing was created.");
    }
  }

  /**
   * The file of the configured SQLite store, which need not exist yet; {@code command} works only on such a file,
   * and {@code onPostgres} says what to use instead on PostgreSQL.
   *
   * @throws ConfigException when the store is a PostgreSQL database or a SQLite database in memory
   */
  static Path sqliteFile(BotConfig config, String command, String onPostgres) {
    @Nullable Path file;
    try {
      file = Database.file(config.dbUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(BotConfig.DB_URL + ": " + e.getMessage());
    }
    if (file != null) {
      return file.toAbsolutePath().normalize();
    }
    if (Dialect.of(config.dbUrl()) == Dialect.POSTGRESQL) {
      throw new ConfigException(command + " works on the SQLite store, and " + BotConfig.DB_URL + " is "
          + config.dbUrlShown() + ", a PostgreSQL database: use " + onPostgres + ". Nothing was changed.");
    }
    throw new ConfigException(BotConfig.DB_URL + " is " + config.dbUrl() + ", a database in memory, which lives only"
        + " inside one process: " + command + " needs the store's file. Set " + BotConfig.DB_URL + " to it. Nothing was"
        + " changed.");
  }

  /** Where the configured key comes from, in words an operator can act on; never the key itself. */
  static String keySource(BotConfig config) {
    return config.secretKeyBase64() != null
        ? BotConfig.SECRET_KEY + " as set here"
        : "the key file " + config.secretKeyFile().toAbsolutePath().normalize();
  }

  /** How a relative path was resolved, or nothing for an absolute one. */
  private static String relative(Path path) {
    return path.isAbsolute() ? "" : ", relative to the working directory " + Path.of("").toAbsolutePath();
  }

  @Override
  public void close() {
    db.close();
  }
}
