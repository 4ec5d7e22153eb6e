package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class SqliteUrlTest {
  @Test
  void parse_plainPath_isThatFile() {
    assertThat(SqliteUrl.parse("jdbc:sqlite:data/syncro-bot.db").file()).isEqualTo(Path.of("data/syncro-bot.db"));
  }

  @Test
  void parse_plainPathWithPragmaQuery_dropsTheQuery() {
    assertThat(SqliteUrl.parse("jdbc:sqlite:data/bot.db?cache_size=2000").file()).isEqualTo(Path.of("data/bot.db"));
  }

  @Test
  void parse_fileUriForms_giveThePath() {
    assertThat(SqliteUrl.parse("jdbc:sqlite:file:data/bot.db").file()).isEqualTo(Path.of("data/bot.db"));
    assertThat(SqliteUrl.parse("jdbc:sqlite:file:///srv/bot/my%20bot.db?mode=rwc").file())
        .isEqualTo(Path.of("/srv/bot/my bot.db"));
    assertThat(SqliteUrl.parse("jdbc:sqlite:file://localhost/srv/bot.db").file()).isEqualTo(Path.of("/srv/bot.db"));
  }

  @Test
  void parse_sharedMemory_hasNoFile() {
    assertThat(SqliteUrl.parse("jdbc:sqlite:file:t1?mode=memory&cache=shared").file()).isNull();
  }

  @Test
  void parse_remoteHost_rejected() {
    assertThatThrownBy(() -> SqliteUrl.parse("jdbc:sqlite:file://nas/bot.db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remote host");
  }

  @Test
  void parse_notAJdbcUrl_rejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> SqliteUrl.parse("postgres://bot:hunter2@db/bot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JDBC URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void parse_emptyOrTemporary_rejected() {
    assertThatThrownBy(() -> SqliteUrl.parse("jdbc:sqlite:")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqliteUrl.parse("jdbc:sqlite::resource:db.sqlite"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
