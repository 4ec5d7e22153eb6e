package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.Unit;
import com.syncrobot.testkit.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The rate table on a real store (SQLite file or PostgreSQL) with the production migrations (R6). */
@ParameterizedClass
@EnumSource(Dialect.class)
final class RateStoreTest {
  @Parameter
  Dialect dialect;
  @TempDir
  Path dir;
  private String url;

  /** Opens the test's store; again on the second call (a restart). */
  private Database open() {
    if (url == null) {
      url = TestStores.newStore(dialect, dir);
    }
    return Database.open(url);
  }

  @Test
  void freshDatabase_isSeededWithTheBriefsTableExactly() {
    try (Database db = open()) {
      List<String> rows = new RateStore(db).list().stream()
          .map(r -> r.type() + "|" + r.productId() + "|" + r.productName() + "|" + r.priceRetail() + "|" + r.unit())
          .toList();

      assertThat(rows).containsExactly(
          "remote|1190473|Labor - Remote Business|150.00|hour",
          "onsite|26118|Labor - Onsite Business|175.00|hour",
          "emergency|26184|Labor - Emergency or After Hours Business|262.50|hour",
          "project|9269129|Labor - Prepaid Project Labor|0.00|hour",
          "internal|9269124|Labor - Internal Labor|0.00|hour",
          "travel|26117|Fee - Travel Time|40.00|trip",
          "website|68055|Labor - Website Labor|150.00|hour");
    }
  }

  @Test
  void set_replacesOneRate_keptAcrossReopen_andStoredAsDecimalText() {
    try (Database db = open()) {
      new RateStore(db).set(new Rate(LabourType.EMERGENCY, 26184, "Labor - Emergency or After Hours Business",
          Money.parse("275.00"), Unit.HOUR));
    }
    try (Database db = open()) {
      assertThat(new RateStore(db).current().rate(LabourType.EMERGENCY).priceRetail())
          .isEqualTo(Money.parse("275.00"));
      assertThat(new RateStore(db).current().rate(LabourType.ONSITE).priceRetail()).isEqualTo(Money.parse("175.00"));
      String stored = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT " + (dialect == Dialect.SQLITE ? "typeof(price_retail)" : "pg_typeof(price_retail)::text")
              + " || ':' || price_retail FROM labour_rates WHERE labour_type = 'emergency'")
          .mapTo(String.class).one());
      assertThat(stored).isEqualTo("text:275.00");
    }
  }

  @Test
  void set_productAtASecondPrice_refusedAndNothingWritten() {
    try (Database db = open()) {
      RateStore store = new RateStore(db);

      assertThatThrownBy(() -> store.set(new Rate(LabourType.WEBSITE, 26118, "Labor - Onsite Business",
          Money.parse("150.00"), Unit.HOUR))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("product 26118");
      assertThat(store.current().rate(LabourType.WEBSITE).productId()).isEqualTo(68055);
    }
  }

  @Test
  void schema_refusesFloatingPointOrThreeDecimalPrices() {
    try (Database db = open()) {
      for (String bad : new String[] {"150.005", "1.5e2", "150", "-1.00", "1.2.30"}) {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
            "UPDATE labour_rates SET price_retail = ? WHERE labour_type = 'remote'", bad)))
            .as(bad).message().containsAnyOf("CHECK constraint failed", "violates check constraint");
      }
    }
  }

  @Test
  void rowDeletedByHand_currentSaysSo_andSetRepairsIt() {
    try (Database db = open()) {
      db.jdbi().useHandle(h -> h.execute("DELETE FROM labour_rates WHERE labour_type = 'travel'"));
      RateStore store = new RateStore(db);

      assertThatThrownBy(store::current).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no rate for travel");
      store.set(new Rate(LabourType.TRAVEL, 26117, "Fee - Travel Time", Money.parse("40.00"), Unit.TRIP));
      assertThat(store.current().rate(LabourType.TRAVEL).unit()).isEqualTo(Unit.TRIP);
    }
  }
}
