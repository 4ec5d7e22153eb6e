package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.testkit.TestPostgres;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

  @Test
  void open_emptyDatabase_appliesEveryMigrationOfBothFolders() {
    try (Database db = Database.open(TestPostgres.newDatabase())) {
      assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
      assertThat(db.healthy()).isTrue();
      List<String> versions = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").mapTo(String.class)
          .list());
      List<String> sqlite;
      try (
          Database lite = Database.open("jdbc:sqlite:file:pgtest-" + System.nanoTime() + "?mode=memory&cache=shared")) {
        sqlite = lite.jdbi().withHandle(h -> h.createQuery(
            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").mapTo(String.class)
            .list());
      }
      assertThat(versions).isEqualTo(sqlite);
      int rates = db.jdbi()
          .withHandle(h -> h.createQuery("SELECT count(*) FROM labour_rates").mapTo(Integer.class).one());
      assertThat(rates).isEqualTo(7);
    }
  }

  @Test
  void open_sameDatabaseTwice_doesNotReapplyMigrations() {
    String url = TestPostgres.newDatabase();
    try (Database db = Database.open(url)) {
      db.jdbi().useHandle(h -> h.execute("INSERT INTO slack_deliveries VALUES ('k', 1)"));
    }
    try (Database db = Database.open(url)) {
      int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM slack_deliveries").mapTo(Integer.class)
          .one());
      assertThat(rows).isEqualTo(1);
    }
  }

  @Test
  void open_wrongPassword_saysWhyWithoutThePassword() {
    String url = TestPostgres.newDatabase().replace("?user=postgres", "?user=nobody_here");
    assertThatThrownBy(() -> Database.open(url, null, "s3cret-db-pass"))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageContaining("cannot open database")
        .hasMessageNotContaining("s3cret-db-pass");
    assertThatThrownBy(() -> Database.open(url + "&password=s3cret-db-pass"))
        .isInstanceOf(DatabaseOpenException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret-db-pass");
  }

  @Test
  void transaction_readThenWrite_seesNothingChangeBetween_underConcurrency() throws Exception {
    try (Database db = Database.open(TestPostgres.newDatabase())) {
      db.jdbi().useHandle(h -> h.execute("INSERT INTO slack_deliveries VALUES ('counter', 0)"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicInteger done = new AtomicInteger();
      try {
        List<Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
          all.add(pool.submit(() -> db.jdbi().useTransaction(h -> {
            long n = h.createQuery("SELECT seen_at FROM slack_deliveries WHERE delivery_key = 'counter'")
                .mapTo(Long.class).one();
            h.createUpdate("UPDATE slack_deliveries SET seen_at = :n WHERE delivery_key = 'counter'")
                .bind("n", n + 1).execute();
            done.incrementAndGet();
          })));
        }
        for (Future<?> f : all) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      // a lost update would leave fewer than 80
      long counter = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT seen_at FROM slack_deliveries WHERE delivery_key = 'counter'").mapTo(Long.class).one());
      assertThat(counter).isEqualTo(80);
    }
  }

  @Test
  void dialect_unknownDatabase_namesBothChoicesAndEchoesOnlyTheScheme() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://db/x?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite:")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("hunter2");
  }
}
