package com.syncrobot.notify;

import com.syncrobot.slack.SafeLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each technician's personal alerts ({@code /syncro notify}) in the bot's database, table {@code
 * alert_settings}: one row per Slack user, written whole by one upsert statement, so replicas saving at once
 * never mix two technicians' changes (the later save of the same technician wins). Thread-safe.
 */
public final class AlertStore {
  private static final Logger log = LoggerFactory.getLogger(AlertStore.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Jdbi jdbi;
  private final Clock clock;

  public AlertStore(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Returns {@code slackUserId}'s settings; all off, in {@code fallbackZone}, when they never set any. */
  public AlertSettings of(String slackUserId, ZoneId fallbackZone) {
    Objects.requireNonNull(fallbackZone, "fallbackZone == null");
    return jdbi.withExtension(AlertDao.class, dao -> dao.find(slackUserId)).flatMap(AlertStore::settings)
        .orElseGet(() -> AlertSettings.off(slackUserId, fallbackZone));
  }

  /** Stores {@code s} in place of the technician's earlier settings. */
  public void save(AlertSettings s) {
    var row = new AlertDao.Row(s.slackUserId(), bit(s.assigned()), bit(s.replies()), bit(s.appointments()),
        s.appointmentMinutes(), bit(s.prepaid()), s.prepaidHours().stripTrailingZeros().toPlainString(),
        s.quiet() == null ? null : HH_MM.format(s.quiet().from()), s.quiet() == null ? null : HH_MM.format(s.quiet()
            .to()),
        s.zone().getId(), clock.millis());
    jdbi.useExtension(AlertDao.class, dao -> dao.upsert(row));
  }

  /** Every technician with at least one alert on, by Slack user id; a row that no longer parses is left out. */
  public List<AlertSettings> allOn() {
    List<AlertSettings> out = new ArrayList<>();
    for (AlertDao.Row row : jdbi.withExtension(AlertDao.class, AlertDao::allOn)) {
      settings(row).ifPresent(out::add);
    }
    return out;
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  private static Optional<AlertSettings> settings(AlertDao.Row r) {
    try {
      QuietHours quiet = r.quietFrom() == null || r.quietTo() == null ? null
          : new QuietHours(LocalTime.parse(r.quietFrom()), LocalTime.parse(r.quietTo()));
      return Optional.of(new AlertSettings(r.slackUserId(), r.assigned() == 1, r.replies() == 1,
          r.appointments() == 1, r.appointmentMinutes(), r.prepaid() == 1, new BigDecimal(r.prepaidHours()), quiet,
          zone(r.zone())));
    } catch (DateTimeException | IllegalArgumentException e) {
      log.warn("The alert settings of {} no longer parse, left out: {}", r.slackUserId(), SafeLog.describe(e));
      return Optional.empty();
    }
  }

  private static ZoneId zone(@Nullable String id) {
    return ZoneId.of(Objects.requireNonNull(id, "zone"));
  }
}
