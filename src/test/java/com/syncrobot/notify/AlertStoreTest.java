package com.syncrobot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;
import com.syncrobot.testkit.Clocks;
import com.syncrobot.testkit.TestStores;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.threeten.extra.MutableClock;

/** Personal alert settings in the store, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
final class AlertStoreTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir
  Path dir;

  private final Dialect dialect;
  private final MutableClock clock = Clocks.at("2024-03-11T10:00:00Z");
  private Database db;
  private AlertStore store;

  AlertStoreTest(Dialect dialect) {
    this.dialect = dialect;
  }

  @BeforeEach
  void open() {
    db = Database.open(TestStores.newStore(dialect, dir));
    store = new AlertStore(db.jdbi(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void neverSet_allOff_inTheFallbackZone() {
    assertThat(store.of("U1", BERLIN)).isEqualTo(AlertSettings.off("U1", BERLIN));
    assertThat(store.allOn()).isEmpty();
  }

  @Test
  void save_thenRead_roundTripsEveryField() {
    AlertSettings s = new AlertSettings("U1", true, false, true, 45, true, new BigDecimal("1.5"),
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), BERLIN);
    store.save(s);

    assertThat(store.of("U1", ZoneId.of("UTC"))).isEqualTo(s);
    assertThat(store.allOn()).containsExactly(s);
  }

  @Test
  void save_again_replacesTheRow_andAllOnLeavesOutTechniciansWithEverythingOff() {
    store.save(new AlertSettings("U1", true, true, false, 30, false, BigDecimal.valueOf(2), null, BERLIN));
    store.save(new AlertSettings("U2", false, true, false, 30, false, BigDecimal.valueOf(2), null, BERLIN));
    AlertSettings off = AlertSettings.off("U1", ZoneId.of("America/New_York"));
    store.save(off);

    assertThat(store.of("U1", BERLIN)).isEqualTo(off);
    assertThat(store.allOn()).extracting(AlertSettings::slackUserId).containsExactly("U2");
  }

  @Test
  void quietHoursAcrossMidnight_heldInTheTechniciansZone() {
    store.save(new AlertSettings("U1", true, true, false, 30, false, BigDecimal.valueOf(2),
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), BERLIN));
    AlertSettings read = store.of("U1", ZoneId.of("UTC"));
    QuietHours quiet = read.quiet();
    assertThat(quiet).isNotNull();
    // 21:30 UTC is 22:30 in Berlin (winter): held until 07:00 Berlin, 06:00 UTC the next day.
    Instant late = Instant.parse("2024-03-11T21:30:00Z");
    assertThat(quiet.contains(late, read.zone())).isTrue();
    assertThat(quiet.endAfter(late, read.zone())).isEqualTo(Instant.parse("2024-03-12T06:00:00Z"));
    // 20:30 UTC is 21:30 in Berlin: not quiet there, though it would be in a zone two hours ahead.
    assertThat(quiet.contains(Instant.parse("2024-03-11T20:30:00Z"), read.zone())).isFalse();
  }
}
