package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.digest.DigestSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest settings read from the environment. */
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
  void adminsAndSharedChannels_readFromTheEnvironment() {
    DigestSettings d = BotConfig.fromEnv(Map.of(BotConfig.ADMINS, " U0ADMIN1, W0ADMIN2 ,",
        BotConfig.ALLOW_SHARED_CHANNELS, "TRUE")).digest();
    assertThat(d.admins()).containsExactlyInAnyOrder("U0ADMIN1", "W0ADMIN2");
    assertThat(d.allowSharedChannels()).isTrue();
    assertThat(DigestSettings.defaults().admins()).isEmpty();
    assertThat(DigestSettings.defaults().allowSharedChannels()).isFalse();
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.ADMINS, "U0ADMIN1,@carol")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_ADMINS must be Slack user ids such as U0123ABCD, separated by commas; '@carol' is "
            + "not one (a profile's \"Copy member ID\" gives it)");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.ALLOW_SHARED_CHANNELS, "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_ALLOW_SHARED_CHANNELS must be true or false, got 'yes'");
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
