package com.syncrobot.digest;

import com.syncrobot.store.Database;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest schedules and their once-per-day run claims in the bot's database. The claim is an insert
 * guarded by the (schedule, local date) primary key, so across restarts and across bot instances
 * sharing the database exactly one caller wins each day's run. A claim names its holder, a plan
 * runner whose heartbeat shows whether it is alive; a run whose holder died before finishing it
 * changes hands only through one conditional update ({@link #takeOver}, {@link #adopt}), so exactly
 * one process takes it over. Thread-safe.
 */
public final class DigestStore {
  private static final Logger log = LoggerFactory.getLogger(DigestStore.class);
  // Fixed width, so stored times sort correctly as text (as in ConnectedUserStore).
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Database db;
  private final Clock clock;

  /** Creates a store over {@code db} that stamps times from {@code clock}. */
  public DigestStore(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Stores a new schedule and returns it with its id.
   *
   * @throws IllegalArgumentException if the channel or creator is blank
   */
  public DigestSchedule add(String channelId, LocalTime time, DigestDays days, ZoneId zone, String createdBy) {
    requireText(channelId, "channelId");
    requireText(createdBy, "createdBy");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var row = new DigestDao.ScheduleRow(0, channelId, HH_MM.format(time), days.word(), zone.getId(), createdBy,
        TIME.format(now));
    long id = db.jdbi().withExtension(DigestDao.class, dao -> dao.insert(row));
    return new DigestSchedule(id, channelId, time, days, zone, createdBy, now);
  }

  /** Returns every schedule, oldest first; a row that no longer parses is logged and left out. */
  public List<DigestSchedule> list() {
    List<DigestSchedule> out = new ArrayList<>();
    for (DigestDao.ScheduleRow row : db.jdbi().withExtension(DigestDao.class, DigestDao::list)) {
      schedule(row).ifPresent(out::add);
    }
    return out;
  }

  /** Returns the schedule with {@code id}, if there is one. */
  public Optional<DigestSchedule> find(long id) {
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.find(id)).flatMap(DigestStore::schedule);
  }

  /** Removes the schedule and its run history; returns whether it existed. */
  public boolean remove(long id) {
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.delete(id)) > 0;
  }

  /**
   * Claims {@code slot} of schedule {@code scheduleId} for {@code instanceId}; returns true for the
   * one caller whose insert created the run row, false when the run was already claimed.
   */
  public boolean claim(long scheduleId, DigestSlot slot, String instanceId) {
    requireText(instanceId, "instanceId");
    var claim = new DigestDao.Claim(scheduleId, slot.date().toString(), TIME.format(slot.dueAt()),
        TIME.format(clock.instant()), instanceId);
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.claim(claim)) == 1;
  }

  /**
   * Records what became of a run {@code holder} claimed; false (nothing changed) when the run is no
   * longer {@code holder}'s, because another process took it over, or already finished.
   */
  public boolean finish(long scheduleId, LocalDate date, String holder, Delivery delivery) {
    var finish = new DigestDao.Finish(scheduleId, date.toString(), holder, TIME.format(clock.instant()),
        outcome(delivery), delivery.ts(), delivery.detail());
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.finish(finish)) == 1;
  }

  /** Whether the plan runner {@code holder} has beaten after {@code staleBefore} (its process is alive). */
  public boolean alive(String holder, Instant staleBefore) {
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.alive(holder, staleBefore.toEpochMilli())) > 0;
  }

  /**
   * Claims for {@code holder} the unfinished run that {@code from} claimed before {@code staleBefore}
   * and has not beaten since (its process died); true for the one caller that takes it over.
   */
  public boolean takeOver(long scheduleId, LocalDate date, String from, String holder, Instant staleBefore) {
    var h = handover(scheduleId, date, from, holder, staleBefore, null);
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.takeOver(h)) == 1;
  }

  /**
   * Takes over such an abandoned run as {@link #takeOver} does and records it finished with
   * {@code found} (its message was found in the channel), in one step; true for the one caller that did.
   */
  public boolean adopt(long scheduleId, LocalDate date, String from, String holder, Instant staleBefore,
      Delivery found) {
    var h = handover(scheduleId, date, from, holder, staleBefore, found);
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.adopt(h)) == 1;
  }

  private DigestDao.Handover handover(long scheduleId, LocalDate date, String from, String holder,
      Instant staleBefore, @Nullable Delivery d) {
    requireText(holder, "holder");
    return new DigestDao.Handover(scheduleId, date.toString(), from, holder, TIME.format(clock.instant()),
        TIME.format(staleBefore), staleBefore.toEpochMilli(), d == null ? null : outcome(d), d == null ? null : d.ts(),
        d == null ? null : d.detail());
  }

  private static String outcome(Delivery d) {
    return d.outcome().name().toLowerCase(Locale.ROOT);
  }

  /** Returns the run of {@code scheduleId} on local {@code date}, if it was claimed. */
  public Optional<DigestRun> run(long scheduleId, LocalDate date) {
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.run(scheduleId, date.toString()))
        .map(DigestStore::run);
  }

  /** Returns the most recent run of {@code scheduleId}, if any. */
  public Optional<DigestRun> lastRun(long scheduleId) {
    return db.jdbi().withExtension(DigestDao.class, dao -> dao.lastRun(scheduleId)).map(DigestStore::run);
  }

  /** Returns runs that were claimed but never finished (the bot stopped in the middle). */
  public List<DigestRun> unfinished() {
    return db.jdbi().withExtension(DigestDao.class, DigestDao::unfinished).stream().map(DigestStore::run).toList();
  }

  private static Optional<DigestSchedule> schedule(DigestDao.ScheduleRow row) {
    try {
      DigestDays days = DigestDays.parse(row.days())
          .orElseThrow(() -> new IllegalArgumentException("unknown days '" + row.days() + "'"));
      return Optional.of(new DigestSchedule(row.id(), row.channelId(), LocalTime.parse(row.localTime()), days,
          ZoneId.of(row.zone()), row.createdBy(), Instant.parse(row.createdAt())));
    } catch (DateTimeException | IllegalArgumentException e) {
      // E.g. a zone id a newer JDK dropped: one broken schedule must not stop the others.
      log.error("Digest schedule {} cannot be read and is skipped: {}", row.id(), e.getMessage());
      return Optional.empty();
    }
  }

  private static DigestRun run(DigestDao.RunRow r) {
    return new DigestRun(r.scheduleId(), LocalDate.parse(r.localDate()), Instant.parse(r.dueAt()),
        Instant.parse(r.claimedAt()), r.claimedBy(), r.finishedAt() == null ? null : Instant.parse(r.finishedAt()),
        r.outcome() == null ? null : Delivery.Outcome.valueOf(r.outcome().toUpperCase(Locale.ROOT)), r.postedTs(),
        r.detail());
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
