package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.notify.NotifySettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live-notification settings read from the environment. */
final class NotifyConfigTest {
  @Test
  void unset_defaultsToAMinuteAndTwentySeconds() {
    assertThat(BotConfig.fromEnv(Map.of()).notifications())
        .isEqualTo(new NotifySettings(Duration.ofSeconds(60), Duration.ofSeconds(20)));
  }

  @Test
  void set_readsEachVariable() {
    BotConfig c = BotConfig.fromEnv(Map.of(BotConfig.NOTIFY_POLL_SECONDS, "10", BotConfig.NOTIFY_BATCH_SECONDS, "0"));
    assertThat(c.notifications()).isEqualTo(new NotifySettings(Duration.ofSeconds(10), Duration.ZERO));
  }

  @Test
  void badValues_stopWithAMessageNamingTheVariable() {
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.NOTIFY_POLL_SECONDS, "5")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_NOTIFY_POLL_SECONDS must be 10 to 3600, got 5");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.NOTIFY_POLL_SECONDS, "1m")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_NOTIFY_POLL_SECONDS must be whole seconds, got '1m'");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.NOTIFY_BATCH_SECONDS, "601")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_NOTIFY_BATCH_SECONDS must be 0 to 600, got 601");
  }
}
