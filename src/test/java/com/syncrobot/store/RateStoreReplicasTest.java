package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.Unit;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes on one store (a replica and {@code rates set}, each with its own handle): a rate one of them
 * sets is the rate the other reads next, on either database. The table is never cached.
 */
final class RateStoreReplicasTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aRateSetThroughOneHandle_isReadThroughTheOtherAtOnce(Dialect dialect) {
    String url = TestStores.newStore(dialect, dir);
    try (Database replica = Database.open(url); Database cli = Database.open(url)) {
      RateStore bot = new RateStore(replica);
      assertThat(bot.current().rate(LabourType.REMOTE).priceRetail()).isEqualTo(Money.parse("150.00"));

      new RateStore(cli).set(new Rate(LabourType.REMOTE, 1190473, "Labor - Remote Business", Money.parse("160.00"),
          Unit.HOUR));

      assertThat(bot.current().rate(LabourType.REMOTE).priceRetail()).isEqualTo(Money.parse("160.00"));
    }
  }
}
