package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Syncro request budget read from the environment (issue 15): defaults, values read, bad values refused. */
final class SyncroBudgetConfigTest {
  @Test
  void unset_is180AMinuteForTheDefaultEgress_setIsRead() {
    BotConfig unset = BotConfig.fromEnv(Map.of());
    assertThat(unset.syncroRequestsPerMinute()).isEqualTo(180);
    assertThat(unset.egress()).isEqualTo("default");

    BotConfig set = BotConfig.fromEnv(Map.of(BotConfig.SYNCRO_REQUESTS_PER_MINUTE, " 90 ",
        BotConfig.EGRESS, " office-nat.2 "));
    assertThat(set.syncroRequestsPerMinute()).isEqualTo(90);
    assertThat(set.egress()).isEqualTo("office-nat.2");
    assertThat(set.toString()).contains("syncroRequestsPerMinute=90", "egress=office-nat.2");
  }

  @Test
  void badRequestsPerMinute_stopWithAMessageNamingTheVariable() {
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.SYNCRO_REQUESTS_PER_MINUTE, "180/min")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_SYNCRO_REQUESTS_PER_MINUTE must be whole requests, got '180/min'");
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.SYNCRO_REQUESTS_PER_MINUTE, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_SYNCRO_REQUESTS_PER_MINUTE must be 1 to 10000, got 0");
  }

  @Test
  void badEgress_stopsWithAMessageSayingWhatANameIs() {
    for (String bad : new String[] {"office nat", "-office", "x".repeat(64), "büro"}) {
      assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.EGRESS, bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessage("SYNCRO_BOT_EGRESS must be a name of letters, digits, '.', '_' and '-' (up to 63, starting with"
              + " a letter or digit) such as 'office-nat', got '" + bad + "'; replicas that reach Syncro from one"
              + " address use the same name");
    }
  }
}
