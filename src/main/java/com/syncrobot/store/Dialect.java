package com.syncrobot.store;

import java.util.Locale;

/** The two databases the store runs on: SQLite (the default, one process) and PostgreSQL (several replicas). */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  /** The folder of this dialect's Flyway migrations: {@code db/<folder>/} in the repository. */
  String migrationFolder() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the dialect a JDBC URL names.
   *
   * @throws IllegalArgumentException for any other database, echoing only the URL's scheme (a URL may carry a
   *     password)
   */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith(SqliteUrl.PREFIX)) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith(PostgresUrl.PREFIX)) {
      return POSTGRESQL;
    }
    String shown = jdbcUrl.startsWith("jdbc:") && jdbcUrl.indexOf(':', 5) > 0
        ? "a " + jdbcUrl.substring(0, jdbcUrl.indexOf(':', 5) + 1) + " URL"
        : "a value that is not a JDBC URL";
    throw new IllegalArgumentException("the database URL must start with " + SqliteUrl.PREFIX + " (SQLite, the default)"
        + " or " + PostgresUrl.PREFIX + " (PostgreSQL), got " + shown + "; use jdbc:sqlite:PATH/TO/FILE.db, or"
        + " jdbc:postgresql://HOST:5432/DATABASE with the user and password in SYNCRO_BOT_DB_USER and"
        + " SYNCRO_BOT_DB_PASSWORD");
  }
}
