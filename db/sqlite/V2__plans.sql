-- Issue 3: the safe-write path (R1, R2, R3). Every Syncro POST/PUT/DELETE is a step of a plan.
-- Times are epoch milliseconds (UTC). No foreign key to V1's tables: a plan names its Slack
-- user by id only, so removing a connected user never rewrites the audit trail.

CREATE TABLE plans (
  id               TEXT    PRIMARY KEY,
  kind             TEXT    NOT NULL,
  slack_user_id    TEXT    NOT NULL,
  syncro_user_id   INTEGER NOT NULL,
  syncro_user_name TEXT    NOT NULL,
  channel_id       TEXT    NOT NULL,
  ticket_id        INTEGER,
  ticket_number    INTEGER,
  ticket_subject   TEXT,
  customer_name    TEXT,
  title            TEXT    NOT NULL,
  state            TEXT    NOT NULL CHECK (state IN ('PREVIEWED', 'EXECUTING', 'WAITING', 'NEEDS_DECISION',
                                                     'DONE', 'FAILED', 'CANCELLED', 'EXPIRED')),
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  confirmed_at     INTEGER,
  finished_at      INTEGER,
  response_url     TEXT,
  preview_json     TEXT,
  note             TEXT,
  -- the engine instance currently running the plan; NULL when nobody is (one runner at a time)
  runner           TEXT,
  -- consecutive waits (rate limit, Syncro unreachable while verifying); picks the re-check backoff
  wait_count       INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX plans_state ON plans (state);
CREATE INDEX plans_ticket_number ON plans (ticket_number);
CREATE INDEX plans_slack_user ON plans (slack_user_id);

CREATE TABLE plan_steps (
  plan_id        TEXT    NOT NULL REFERENCES plans (id),
  idx            INTEGER NOT NULL CHECK (idx >= 0),
  label          TEXT    NOT NULL,
  method         TEXT    NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
  path           TEXT    NOT NULL,  -- may hold {{step:N}} placeholders
  body           TEXT,              -- JSON, may hold {{step:N}} placeholders
  id_pointer     TEXT,
  check_json     TEXT    NOT NULL,  -- the Check, JSON with a "type" field
  state          TEXT    NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'DONE', 'FAILED', 'UNKNOWN', 'ABSENT')),
  attempt        INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  sent_at        INTEGER,
  finished_at    INTEGER,
  sent_path      TEXT,              -- the exact request sent, placeholders resolved (audit)
  sent_body      TEXT,
  result_id      INTEGER,
  result_status  INTEGER,
  result_body    TEXT,              -- what Syncro answered, capped at 16 KB
  error          TEXT,              -- Syncro's own message, or why the outcome is unknown
  verification   TEXT,              -- how an unknown outcome was decided
  PRIMARY KEY (plan_id, idx)
);

-- Earlier attempts of a step that was proven absent and sent again: the audit keeps every send.
CREATE TABLE plan_step_attempts (
  plan_id        TEXT    NOT NULL REFERENCES plans (id),
  idx            INTEGER NOT NULL,
  attempt        INTEGER NOT NULL,
  state          TEXT    NOT NULL,
  sent_at        INTEGER,
  finished_at    INTEGER,
  method         TEXT    NOT NULL,
  sent_path      TEXT,
  sent_body      TEXT,
  result_id      INTEGER,
  result_status  INTEGER,
  result_body    TEXT,
  error          TEXT,
  verification   TEXT,
  PRIMARY KEY (plan_id, idx, attempt)
);
