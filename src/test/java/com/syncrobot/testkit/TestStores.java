package com.syncrobot.testkit;

import com.syncrobot.store.Dialect;
import java.nio.file.Path;

/**
 * Where a test keeps its store, on either database: suites that must hold on both run once per {@link Dialect}
 * (JUnit's {@code @ParameterizedClass @EnumSource(Dialect.class)}) and take their URL from here. Opening the
 * returned URL again is what a restarted bot (or a second replica) does: it finds the same data.
 */
public final class TestStores {
  private TestStores() {}

  /** A new store's URL: a SQLite file {@code bot.db} in {@code dir}, or a fresh database on {@link TestPostgres}. */
  public static String newStore(Dialect dialect, Path dir) {
    return switch (dialect) {
      case SQLITE -> "jdbc:sqlite:" + dir.resolve("bot.db");
      case POSTGRESQL -> TestPostgres.newDatabase();
    };
  }
}
