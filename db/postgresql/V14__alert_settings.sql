-- PostgreSQL twin of db/sqlite/V14: each technician's personal alerts (/syncro notify). Booleans are 0/1
-- integers as on SQLite; quiet hours are local "HH:MM" in `zone`; updated_at is epoch milliseconds.
CREATE TABLE alert_settings (
  slack_user_id       TEXT    NOT NULL PRIMARY KEY,
  assigned            INTEGER NOT NULL CHECK (assigned IN (0, 1)),
  replies             INTEGER NOT NULL CHECK (replies IN (0, 1)),
  appointments        INTEGER NOT NULL CHECK (appointments IN (0, 1)),
  appointment_minutes INTEGER NOT NULL CHECK (appointment_minutes BETWEEN 1 AND 1440),
  prepaid             INTEGER NOT NULL CHECK (prepaid IN (0, 1)),
  prepaid_hours       TEXT    NOT NULL,
  quiet_from          TEXT CHECK (length(quiet_from) = 5),
  quiet_to            TEXT CHECK (length(quiet_to) = 5),
  zone                TEXT    NOT NULL,
  updated_at          BIGINT  NOT NULL,
  CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
