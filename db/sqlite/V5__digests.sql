-- Scheduled channel digests (issue 6). A schedule posts to channel_id at local_time on `days`
-- ('weekdays' or 'daily') in the IANA zone `zone`; created_by is the Slack user whose Syncro token the
-- digest's reads use (R11). AUTOINCREMENT so that a removed schedule's id never names a new one.
-- Times are UTC instants as ISO-8601 text with milliseconds (sortable), as in V1.
CREATE TABLE digest_schedules (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id  TEXT    NOT NULL,
  local_time  TEXT    NOT NULL CHECK (length(local_time) = 5),
  days        TEXT    NOT NULL CHECK (days IN ('weekdays', 'daily')),
  zone        TEXT    NOT NULL,
  created_by  TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
) STRICT;

-- One row per schedule and local date: inserted (claimed) BEFORE the digest is posted, so the primary
-- key lets exactly one bot instance send a given day's digest, across restarts and instances sharing
-- this file. finished_at/outcome/posted_ts are filled in after posting; a row without them is a run
-- that was claimed and then interrupted (it is not resent: it may have been posted).
CREATE TABLE digest_runs (
  schedule_id INTEGER NOT NULL REFERENCES digest_schedules (id) ON DELETE CASCADE,
  local_date  TEXT    NOT NULL,
  due_at      TEXT    NOT NULL,
  claimed_at  TEXT    NOT NULL,
  claimed_by  TEXT    NOT NULL,
  finished_at TEXT,
  outcome     TEXT CHECK (outcome IN ('posted', 'notice', 'failed', 'skipped')),
  posted_ts   TEXT,
  detail      TEXT,
  PRIMARY KEY (schedule_id, local_date)
) STRICT;
