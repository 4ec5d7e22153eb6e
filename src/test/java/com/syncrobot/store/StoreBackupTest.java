package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy a schema migration leaves behind: taken only when an existing store's schema is about to change. */
final class StoreBackupTest {
  @TempDir
  Path dir;

  private List<Path> copies() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("bot.db.before-v")).toList();
    }
  }

  @Test
  void open_aStoreAtAnOlderSchema_copiesItBesideItselfFirst_andANewOrCurrentStoreIsNotCopied() throws Exception {
    Path file = dir.resolve("bot.db");
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
        .locations(Database.MIGRATIONS + "sqlite").target("13").load().migrate();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
      s.execute("INSERT INTO connected_users (slack_user_id, syncro_user_id, syncro_user_name, token_ciphertext,"
          + " connected_at, updated_at) VALUES ('U1', 1, 'A', x'00', '2026-12-06T00:00:00Z', '2026-12-06T00:00:00Z')");
    }

    Database.open("jdbc:sqlite:" + file).close();

    assertThat(copies()).hasSize(1);
    StoreBackup.Contents before = StoreBackup.inspect(copies().get(0));
    assertThat(before.schemaVersion()).isEqualTo("13");
    assertThat(before.connectedUsers()).isEqualTo(1);
    assertThat(copies().get(0).getFileName().toString()).startsWith("bot.db.before-v14-");
    assertThat(StoreBackup.inspect(file).schemaVersion()).isNotEqualTo("13");

    Database.open("jdbc:sqlite:" + file).close();
    Database.open("jdbc:sqlite:" + dir.resolve("fresh.db")).close();
    assertThat(copies()).hasSize(1);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("fresh.db.before"));
    }
  }
}
