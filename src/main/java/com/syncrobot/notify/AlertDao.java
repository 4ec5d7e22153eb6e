package com.syncrobot.notify;

import java.util.List;
import java.util.Optional;
import com.syncrobot.store.RegisterRecordMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** SQL for {@code alert_settings} (db/sqlite/V14): one row per technician, booleans as 0/1. */
interface AlertDao {
  String COLUMNS = "slack_user_id, assigned, replies, appointments, appointment_minutes, prepaid, prepaid_hours,"
      + " quiet_from, quiet_to, zone, updated_at";

  /** Inserts or replaces a technician's row in one statement (two replicas saving at once: the later wins). */
  @SqlUpdate("INSERT INTO alert_settings (" + COLUMNS + ")" + """
       VALUES (:slackUserId, :assigned, :replies, :appointments, :appointmentMinutes, :prepaid, :prepaidHours,
        :quietFrom, :quietTo, :zone, :updatedAt)
      ON CONFLICT (slack_user_id) DO UPDATE SET
        assigned = excluded.assigned,
        replies = excluded.replies,
        appointments = excluded.appointments,
        appointment_minutes = excluded.appointment_minutes,
        prepaid = excluded.prepaid,
        prepaid_hours = excluded.prepaid_hours,
        quiet_from = excluded.quiet_from,
        quiet_to = excluded.quiet_to,
        zone = excluded.zone,
        updated_at = excluded.updated_at
      """)
  int upsert(@BindMethods Row row);

  @SqlQuery("SELECT " + COLUMNS + " FROM alert_settings WHERE slack_user_id = :slackUserId")
  @RegisterRecordMapper(Row.class)
  Optional<Row> find(String slackUserId);

  @SqlQuery("SELECT " + COLUMNS + " FROM alert_settings"
      + " WHERE assigned = 1 OR replies = 1 OR appointments = 1 OR prepaid = 1 ORDER BY slack_user_id")
  @RegisterRecordMapper(Row.class)
  List<Row> allOn();

  /** One stored row, as the columns hold it. */
  record Row(String slackUserId, int assigned, int replies, int appointments, int appointmentMinutes, int prepaid,
      String prepaidHours, @Nullable String quietFrom, @Nullable String quietTo, String zone, long updatedAt) {}
}
