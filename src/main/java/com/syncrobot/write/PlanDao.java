package com.syncrobot.write;

import com.syncrobot.write.PlanRows.AuditRow;
import com.syncrobot.write.PlanRows.PlanHead;
import com.syncrobot.write.PlanRows.PlanRow;
import com.syncrobot.write.PlanRows.StepRow;
import java.util.List;
import java.util.Optional;
import com.syncrobot.store.RegisterRecordMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * SQL for plans and steps. Every state change is one conditional UPDATE, so concurrent callers
 * cannot both win; step changes also require that the caller holds the plan's runner lease.
 */
@RegisterRecordMapper(PlanRow.class)
@RegisterRecordMapper(StepRow.class)
@RegisterRecordMapper(PlanHead.class)
@RegisterRecordMapper(AuditRow.class)
interface PlanDao {
  /** Step changes only by the engine instance that holds the plan. */
  String LEASE = " AND EXISTS (SELECT 1 FROM plans p WHERE p.id = :planId AND p.runner = :runner AND p.state = 'EXECUTING')";
  String STEP = " WHERE plan_id = :planId AND idx = :idx AND attempt = :attempt";

  @SqlUpdate("""
      INSERT INTO plans (id, kind, slack_user_id, syncro_user_id, syncro_user_name, channel_id, ticket_id,
        ticket_number, ticket_subject, customer_name, title, state, created_at, expires_at, confirmed_at,
        finished_at, response_url, preview_json, note)
      VALUES (:id, :kind, :slackUserId, :syncroUserId, :syncroUserName, :channelId, :ticketId,
        :ticketNumber, :ticketSubject, :customerName, :title, :state, :createdAt, :expiresAt, :confirmedAt,
        :finishedAt, :responseUrl, :previewJson, :note)""")
  void insertPlan(@BindMethods PlanRow row);

  @SqlUpdate("""
      INSERT INTO plan_steps (plan_id, idx, label, method, path, body, id_pointer, check_json, state, attempt,
        sent_at, finished_at, sent_path, sent_body, result_id, result_status, result_body, error, verification,
        assertion_json)
      VALUES (:planId, :idx, :label, :method, :path, :body, :idPointer, :checkJson, :state, :attempt,
        :sentAt, :finishedAt, :sentPath, :sentBody, :resultId, :resultStatus, :resultBody, :error, :verification,
        :assertionJson)""")
  void insertStep(@BindMethods StepRow row);

  @SqlQuery("""
      SELECT id, kind, slack_user_id, syncro_user_id, syncro_user_name, channel_id, ticket_id, ticket_number,
        ticket_subject, customer_name, title, state, created_at, expires_at, confirmed_at, finished_at,
        response_url, preview_json, note
      FROM plans WHERE id = :id""")
  Optional<PlanRow> plan(String id);

  @SqlQuery("""
      SELECT plan_id, idx, label, method, path, body, id_pointer, check_json, state, attempt, sent_at,
        finished_at, sent_path, sent_body, result_id, result_status, result_body, error, verification, assertion_json
      FROM plan_steps WHERE plan_id = :planId ORDER BY idx""")
  List<StepRow> steps(String planId);

  @SqlQuery("SELECT state, slack_user_id, expires_at, runner FROM plans WHERE id = :id")
  Optional<PlanHead> head(String id);

  // --- plan transitions -------------------------------------------------------------------------

  @SqlUpdate("""
      UPDATE plans SET state = 'EXECUTING', confirmed_at = :now, runner = NULL, wait_count = 0
      WHERE id = :id AND state = 'PREVIEWED' AND slack_user_id = :slackUserId AND expires_at > :now""")
  int confirm(String id, String slackUserId, long now);

  @SqlUpdate("""
      UPDATE plans SET state = 'EXPIRED', finished_at = :now
      WHERE id = :id AND state = 'PREVIEWED' AND expires_at <= :now""")
  int expire(String id, long now);

  @SqlUpdate("""
      UPDATE plans SET state = 'CANCELLED', finished_at = :now, note = :note
      WHERE id = :id AND slack_user_id = :slackUserId
        AND ((state = 'PREVIEWED' AND expires_at > :now) OR (state = 'NEEDS_DECISION' AND runner IS NULL))""")
  int cancel(String id, String slackUserId, long now, @Nullable String note);

  @SqlUpdate("""
      UPDATE plans SET state = 'EXECUTING', runner = :runner
      WHERE id = :id AND state IN ('EXECUTING', 'WAITING') AND runner IS NULL""")
  int claim(String id, String runner);

  /**
   * Claims a plan nobody runs, or one whose runner's heartbeat is older than {@code staleBefore} (or
   * has none: a runner from before heartbeats, or one long gone): that runner's process is dead.
   */
  @SqlUpdate("""
      UPDATE plans SET state = 'EXECUTING', runner = :runner
      WHERE id = :id AND state IN ('EXECUTING', 'WAITING')
        AND (runner IS NULL OR runner = :runner OR NOT EXISTS (
          SELECT 1 FROM plan_runners r WHERE r.id = plans.runner AND r.heartbeat_at > :staleBefore))""")
  int takeOver(String id, String runner, long staleBefore);

  /** Records that {@code id} is alive now, registering it on its first beat. */
  @SqlUpdate("""
      INSERT INTO plan_runners (id, host, pid, started_at, heartbeat_at) VALUES (:id, :host, :pid, :now, :now)
      ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")
  int beat(String id, String host, long pid, long now);

  /** Forgets runners silent since {@code before} that hold no plan. */
  @SqlUpdate("""
      DELETE FROM plan_runners WHERE heartbeat_at < :before
        AND id NOT IN (SELECT runner FROM plans WHERE runner IS NOT NULL)""")
  int pruneRunners(long before);

  @SqlUpdate("UPDATE plans SET runner = NULL WHERE id = :id AND runner = :runner")
  int release(String id, String runner);

  @SqlUpdate("""
      UPDATE plans SET state = :state, note = :note, finished_at = :finishedAt, runner = NULL,
        wait_count = CASE WHEN :state = 'WAITING' THEN wait_count + 1 ELSE wait_count END, recheck_at = :recheckAt
      WHERE id = :id AND runner = :runner AND state = 'EXECUTING'""")
  int leave(String id, String runner, String state, @Nullable String note, @Nullable Long finishedAt,
      @Nullable Long recheckAt);

  /**
   * Plans that should be running and are not: held by a runner whose heartbeat is older than {@code staleBefore}
   * (its process died), confirmed but never picked up since before then, or WAITING for a re-check that was due
   * before then. The runner that kept them is gone; any replica may take them over.
   */
  @SqlQuery("""
      SELECT id FROM plans
      WHERE state IN ('EXECUTING', 'WAITING')
        AND ((runner IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM plan_runners r WHERE r.id = plans.runner AND r.heartbeat_at > :staleBefore))
          OR (runner IS NULL AND state = 'EXECUTING' AND confirmed_at < :staleBefore)
          OR (runner IS NULL AND state = 'WAITING' AND COALESCE(recheck_at, 0) < :staleBefore))
      ORDER BY created_at, id""")
  List<String> orphanedIds(long staleBefore);

  @SqlQuery("SELECT wait_count FROM plans WHERE id = :id")
  int waitCount(String id);

  @SqlUpdate("UPDATE plans SET wait_count = 0 WHERE id = :id")
  int resetWaits(String id);

  @SqlUpdate("UPDATE plans SET response_url = :responseUrl WHERE id = :id")
  int setResponseUrl(String id, @Nullable String responseUrl);

  @SqlUpdate("UPDATE plans SET preview_json = :previewJson WHERE id = :id")
  int setPreviewJson(String id, @Nullable String previewJson);

  @SqlQuery("SELECT id FROM plans WHERE state IN ('EXECUTING', 'WAITING') ORDER BY created_at, id")
  List<String> unfinishedIds();

  @SqlQuery("""
      SELECT id FROM plans WHERE state IN ('DONE', 'FAILED', 'NEEDS_DECISION', 'NEEDS_RECOVERY')
        AND COALESCE(finished_at, confirmed_at, created_at) >= :since ORDER BY created_at, id""")
  List<String> endedIds(long since);

  @SqlQuery("""
      SELECT id FROM plans WHERE ticket_number = :number AND ticket_id = :ticketId AND state IN ('FAILED', 'CANCELLED')
        ORDER BY created_at DESC, id LIMIT :limit""")
  List<String> stoppedIdsOfTicket(long ticketId, long number, int limit);

  @SqlQuery("SELECT id FROM plans WHERE state = 'PREVIEWED' AND expires_at <= :now ORDER BY created_at, id")
  List<String> expiredPreviewIds(long now);

  // --- owner decisions (each the first write of its transaction) ----------------------------------

  @SqlUpdate("""
      UPDATE plans SET state = :newState, note = NULL, wait_count = 0
      WHERE id = :planId AND slack_user_id = :slackUserId AND state = 'NEEDS_DECISION' AND runner IS NULL
        AND EXISTS (SELECT 1 FROM plan_steps s WHERE s.plan_id = :planId AND s.idx = :idx AND s.state = :stepState)""")
  int decide(String planId, String slackUserId, int idx, String stepState, String newState);

  @SqlUpdate("""
      INSERT INTO plan_step_attempts (plan_id, idx, attempt, state, sent_at, finished_at, method, sent_path,
        sent_body, result_id, result_status, result_body, error, verification)
      SELECT plan_id, idx, attempt, state, sent_at, finished_at, method, sent_path, sent_body, result_id,
        result_status, result_body, error, verification
      FROM plan_steps WHERE plan_id = :planId AND idx = :idx AND state = 'ABSENT' AND sent_at IS NOT NULL""")
  int archiveAbsentAttempt(String planId, int idx);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'PENDING', attempt = attempt + 1, sent_at = NULL, finished_at = NULL,
        sent_path = NULL, sent_body = NULL, result_id = NULL, result_status = NULL, result_body = NULL,
        error = NULL, verification = NULL
      WHERE plan_id = :planId AND idx = :idx AND state = 'ABSENT'""")
  int reopenAbsent(String planId, int idx);

  @SqlUpdate("""
      UPDATE plan_steps SET state = :newState, finished_at = :now, verification = :verification
      WHERE plan_id = :planId AND idx = :idx AND state = 'UNKNOWN'""")
  int settleUnknown(String planId, int idx, String newState, long now, String verification);

  // --- step transitions (engine only, under the lease) ---------------------------------------------

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'SENDING', sent_at = :now, sent_path = :sentPath, sent_body = :sentBody,
        finished_at = NULL, result_id = NULL, result_status = NULL, result_body = NULL, error = NULL,
        verification = NULL""" + STEP + " AND state = 'PENDING'" + LEASE)
  int markSending(String planId, int idx, int attempt, String runner, long now, String sentPath,
      @Nullable String sentBody);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'DONE', finished_at = :now, result_id = :resultId,
        result_status = COALESCE(:resultStatus, result_status), result_body = COALESCE(:resultBody, result_body),
        verification = :verification""" + STEP + " AND state IN ('SENDING', 'UNKNOWN')" + LEASE)
  int markDone(String planId, int idx, int attempt, String runner, long now, @Nullable Long resultId,
      @Nullable Integer resultStatus, @Nullable String resultBody, @Nullable String verification);

  /** A read step read and recorded at once: it wrote nothing, so it was never marked SENDING before (R2). */
  @SqlUpdate("""
      UPDATE plan_steps SET state = 'DONE', sent_at = :sentAt, sent_path = :sentPath, sent_body = NULL,
        finished_at = :now, result_id = :resultId, result_status = :resultStatus, result_body = :resultBody,
        error = NULL, verification = :verification""" + STEP + " AND state = 'PENDING' AND method = 'GET'" + LEASE)
  int markReadDone(String planId, int idx, int attempt, String runner, long sentAt, String sentPath, long now,
      @Nullable Long resultId, int resultStatus, @Nullable String resultBody, String verification);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'FAILED', finished_at = :now, result_status = :resultStatus,
        result_body = :resultBody, error = :error""" + STEP + " AND state = 'SENDING'" + LEASE)
  int markFailed(String planId, int idx, int attempt, String runner, long now, int resultStatus,
      @Nullable String resultBody, String error);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'UNKNOWN', result_status = COALESCE(:resultStatus, result_status),
        error = COALESCE(:error, error), verification = :verification"""
      + STEP + " AND state IN ('SENDING', 'UNKNOWN')" + LEASE)
  int markUnknown(String planId, int idx, int attempt, String runner, @Nullable Integer resultStatus,
      @Nullable String error, @Nullable String verification);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'ABSENT', finished_at = :now, verification = :verification"""
      + STEP + " AND state = 'UNKNOWN'" + LEASE)
  int markAbsent(String planId, int idx, int attempt, String runner, long now, String verification);

  /** A step to be sent again that a last look found in Syncro: done, never sent again (R2). */
  @SqlUpdate("""
      UPDATE plan_steps SET state = 'DONE', finished_at = :now, result_id = :resultId, verification = :verification"""
      + STEP + " AND state = 'PENDING' AND attempt > 1" + LEASE)
  int markFoundBeforeResend(String planId, int idx, int attempt, String runner, long now, long resultId,
      String verification);

  @SqlQuery("SELECT MIN(sent_at) FROM plan_step_attempts WHERE plan_id = :planId AND idx = :idx")
  @Nullable
  Long firstSentAt(String planId, int idx);

  /** Only read steps: reading again is safe, sending again is not (R2). */
  @SqlUpdate("""
      UPDATE plan_steps SET state = 'PENDING', sent_at = NULL, sent_path = NULL, sent_body = NULL"""
      + STEP + " AND state = 'SENDING' AND method = 'GET'" + LEASE)
  int restartRead(String planId, int idx, int attempt, String runner);

  @SqlUpdate("""
      UPDATE plan_steps SET state = 'PENDING', sent_at = NULL, sent_path = NULL, sent_body = NULL,
        result_status = :resultStatus, error = :error""" + STEP + " AND state = 'SENDING'" + LEASE)
  int backToPending(String planId, int idx, int attempt, String runner, int resultStatus, String error);

  // --- audit ---------------------------------------------------------------------------------------

  String AUDIT_FILTER = " AND (:ticketNumber IS NULL OR p.ticket_number = :ticketNumber)"
      + " AND (:since IS NULL OR x.sent_at >= :since)"
      + " AND (:slackUserId IS NULL OR p.slack_user_id = :slackUserId)";

  @SqlQuery("""
      SELECT * FROM (
        SELECT p.id AS plan_id, p.kind, p.title, p.state AS plan_state, p.slack_user_id, p.syncro_user_id,
          p.syncro_user_name, p.ticket_id, p.ticket_number, x.idx, x.label, x.attempt, x.method, x.sent_path,
          x.sent_body, x.state, x.sent_at, x.finished_at, x.result_id, x.result_status, x.result_body, x.error,
          x.verification
        FROM plan_steps x JOIN plans p ON p.id = x.plan_id
        WHERE x.sent_at IS NOT NULL""" + AUDIT_FILTER + """

      UNION ALL
      SELECT p.id, p.kind, p.title, p.state, p.slack_user_id, p.syncro_user_id, p.syncro_user_name,
        p.ticket_id, p.ticket_number, x.idx, s.label, x.attempt, x.method, x.sent_path, x.sent_body, x.state,
        x.sent_at, x.finished_at, x.result_id, x.result_status, x.result_body, x.error, x.verification
      FROM plan_step_attempts x JOIN plans p ON p.id = x.plan_id
        JOIN plan_steps s ON s.plan_id = x.plan_id AND s.idx = x.idx
      WHERE x.sent_at IS NOT NULL""" + AUDIT_FILTER + """

      ) AS sends ORDER BY sent_at, plan_id, idx, attempt""")
  List<AuditRow> audit(@Nullable Long ticketNumber, @Nullable Long since, @Nullable String slackUserId);
}
