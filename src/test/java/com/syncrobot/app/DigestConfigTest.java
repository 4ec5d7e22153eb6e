package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.digest.DigestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest settings read from the environment (G5). */
final class DigestConfigTest {
  @Test
  void unset_defaultsToTwoHoursSevenDaysHundredReads() {
    assertThat(BotConfig.fromEnv(Map.of()).digest()).isEqualTo(DigestSettings.defaults());
    assertThat(DigestSettings.defaults()).isEqualTo(new DigestSettings(Duration.ofHours(2), 7, 100));
  }

  @Test
  void set_readsEachVariable() {
    BotConfig c = BotConfig.fromEnv(Map.of(
        BotConfig.DIGEST_LATE_WINDOW_MINUTES, "45",
        BotConfig.DIGEST_UNTOUCHED_DAYS, "14",
        BotConfig.DIGEST_LINE_ITEM_READS, "0"));
    assertThat(c.digest()).isEqualTo(new DigestSettings(Duration.ofMinutes(45), 14, 0));
  }

  @Test
  void badValues_stopWithAMessageNamingTheVariable() {
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.DIGEST_LATE_WINDOW_MINUTES, "2h")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_DIGEST_LATE_WINDOW_MINUTES must be whole minutes, got '2h'");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.DIGEST_LATE_WINDOW_MINUTES, "1440")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_DIGEST_LATE_WINDOW_MINUTES must be 0 to 1380, got 1440");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.DIGEST_UNTOUCHED_DAYS, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_DIGEST_UNTOUCHED_DAYS must be 1 to 365, got 0");
  }
}
