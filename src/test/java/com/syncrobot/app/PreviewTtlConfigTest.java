package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The preview lifetime read from the environment: default, bounds and messages. */
final class PreviewTtlConfigTest {
  @Test
  void unsetOrBlank_isThirtyMinutes_setIsRead() {
    assertThat(BotConfig.fromEnv(Map.of()).previewTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(BotConfig.fromEnv(Map.of(BotConfig.PREVIEW_TTL_MINUTES, "  ")).previewTtl())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(BotConfig.fromEnv(Map.of(BotConfig.PREVIEW_TTL_MINUTES, " 1440 ")).previewTtl())
        .isEqualTo(Duration.ofMinutes(1440));
  }

  @Test
  void badValues_stopWithAMessageNamingTheVariable() {
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.PREVIEW_TTL_MINUTES, "1h")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_PREVIEW_TTL_MINUTES must be whole minutes, got '1h'");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.PREVIEW_TTL_MINUTES, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_PREVIEW_TTL_MINUTES must be 1 to 1440, got 0");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.PREVIEW_TTL_MINUTES, "1441")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_PREVIEW_TTL_MINUTES must be 1 to 1440, got 1441");
  }
}
