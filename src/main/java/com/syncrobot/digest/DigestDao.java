package com.syncrobot.digest;

import java.util.List;
import java.util.Optional;
import com.syncrobot.store.RegisterRecordMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * SQL for {@code digest_schedules} and {@code digest_runs} (see db/sqlite/V5__digests.sql); a run's
 * {@code claimed_by} is a plan runner's id, alive while its row in {@code plan_runners} (V8) beats.
 */
interface DigestDao {

  @SqlUpdate("""
      INSERT INTO digest_schedules (channel_id, local_time, days, zone, created_by, created_at)
      VALUES (:channelId, :localTime, :days, :zone, :createdBy, :createdAt)
      """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods ScheduleRow row);

  @SqlQuery("""
      SELECT id, channel_id, local_time, days, zone, created_by, created_at
      FROM digest_schedules ORDER BY id
      """)
  @RegisterRecordMapper(ScheduleRow.class)
  List<ScheduleRow> list();

  @SqlQuery("""
      SELECT id, channel_id, local_time, days, zone, created_by, created_at
      FROM digest_schedules WHERE id = :id
      """)
  @RegisterRecordMapper(ScheduleRow.class)
  Optional<ScheduleRow> find(long id);

  @SqlUpdate("DELETE FROM digest_schedules WHERE id = :id")
  int delete(long id);

  /** Inserts the run row unless one exists; the primary key makes this the one atomic claim. */
  @SqlUpdate("""
      INSERT INTO digest_runs (schedule_id, local_date, due_at, claimed_at, claimed_by)
      VALUES (:scheduleId, :localDate, :dueAt, :claimedAt, :claimedBy)
      ON CONFLICT (schedule_id, local_date) DO NOTHING
      """)
  int claim(@BindMethods Claim claim);

  /** Records the outcome, only for the process that holds the run now (it may have been taken over). */
  @SqlUpdate("""
      UPDATE digest_runs SET finished_at = :finishedAt, outcome = :outcome, posted_ts = :postedTs, detail = :detail
      WHERE schedule_id = :scheduleId AND local_date = :localDate AND claimed_by = :claimedBy AND finished_at IS NULL
      """)
  int finish(@BindMethods Finish finish);

  /**
   * The conditions under which a claimed run may change hands: still unfinished, still held by
   * {@code from}, claimed before {@code staleBefore}, and {@code from} has no plan-runner heartbeat
   * since then (its process is dead). Part of every takeover statement, so checking and taking are one step.
   */
  String ABANDONED = " " + """
      WHERE schedule_id = :scheduleId AND local_date = :localDate AND claimed_by = :from AND finished_at IS NULL
        AND claimed_at < :staleBefore
        AND NOT EXISTS (SELECT 1 FROM plan_runners r WHERE r.id = :from AND r.heartbeat_at > :staleBeforeMillis)""";

  /** Claims an abandoned run for {@code holder}; 1 for the one process that takes it over. */
  @SqlUpdate("UPDATE digest_runs SET claimed_by = :holder, claimed_at = :now" + ABANDONED)
  int takeOver(@BindMethods Handover handover);

  /** Takes an abandoned run over and records it finished in one step (its message was found in the channel). */
  @SqlUpdate("""
      UPDATE digest_runs SET claimed_by = :holder, finished_at = :now, outcome = :outcome, posted_ts = :postedTs,
        detail = :detail""" + ABANDONED)
  int adopt(@BindMethods Handover handover);

  /** 1 when {@code holder} (a plan runner's id) has beaten since {@code staleBeforeMillis}, else 0. */
  @SqlQuery("SELECT COUNT(*) FROM plan_runners WHERE id = :holder AND heartbeat_at > :staleBeforeMillis")
  int alive(String holder, long staleBeforeMillis);

  @SqlQuery("""
      SELECT schedule_id, local_date, due_at, claimed_at, claimed_by, finished_at, outcome, posted_ts, detail
      FROM digest_runs WHERE schedule_id = :scheduleId AND local_date = :localDate
      """)
  @RegisterRecordMapper(RunRow.class)
  Optional<RunRow> run(long scheduleId, String localDate);

  @SqlQuery("""
      SELECT schedule_id, local_date, due_at, claimed_at, claimed_by, finished_at, outcome, posted_ts, detail
      FROM digest_runs WHERE finished_at IS NULL ORDER BY claimed_at
      """)
  @RegisterRecordMapper(RunRow.class)
  List<RunRow> unfinished();

  @SqlQuery("""
      SELECT schedule_id, local_date, due_at, claimed_at, claimed_by, finished_at, outcome, posted_ts, detail
      FROM digest_runs WHERE schedule_id = :scheduleId ORDER BY local_date DESC LIMIT 1
      """)
  @RegisterRecordMapper(RunRow.class)
  Optional<RunRow> lastRun(long scheduleId);

  /** A schedule row; also the insert's parameters (id ignored there). */
  record ScheduleRow(
      long id, String channelId, String localTime, String days, String zone, String createdBy, String createdAt) {}

  /** Parameters of {@link #claim}. */
  record Claim(long scheduleId, String localDate, String dueAt, String claimedAt, String claimedBy) {}

  /** Parameters of {@link #finish}. */
  record Finish(long scheduleId, String localDate, String claimedBy, String finishedAt, String outcome,
      @Nullable String postedTs, String detail) {}

  /** Parameters of {@link #takeOver} and {@link #adopt} (the outcome fields only there). */
  record Handover(
      long scheduleId,
      String localDate,
      String from,
      String holder,
      String now,
      String staleBefore,
      long staleBeforeMillis,
      @Nullable String outcome,
      @Nullable String postedTs,
      @Nullable String detail) {}

  /** A run row. */
  record RunRow(
      long scheduleId,
      String localDate,
      String dueAt,
      String claimedAt,
      String claimedBy,
      @Nullable String finishedAt,
      @Nullable String outcome,
      @Nullable String postedTs,
      @Nullable String detail) {}
}
