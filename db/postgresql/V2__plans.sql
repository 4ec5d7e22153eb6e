-- PostgreSQL twin of db/sqlite/V2: the safe-write path. Every Syncro POST/PUT/DELETE is a step of a plan.
-- Times are epoch milliseconds (UTC), BIGINT. Constraints are named so that V6 can replace them.

CREATE TABLE plans (
  id               TEXT    PRIMARY KEY,
  kind             TEXT    NOT NULL,
  slack_user_id    TEXT    NOT NULL,
  syncro_user_id   BIGINT  NOT NULL,
  syncro_user_name TEXT    NOT NULL,
  channel_id       TEXT    NOT NULL,
  ticket_id        BIGINT,
  ticket_number    BIGINT,
  ticket_subject   TEXT,
  customer_name    TEXT,
  title            TEXT    NOT NULL,
  state            TEXT    NOT NULL CONSTRAINT plans_state_check
                           CHECK (state IN ('PREVIEWED', 'EXECUTING', 'WAITING', 'NEEDS_DECISION',
                                            'DONE', 'FAILED', 'CANCELLED', 'EXPIRED')),
  created_at       BIGINT  NOT NULL,
  expires_at       BIGINT  NOT NULL,
  confirmed_at     BIGINT,
  finished_at      BIGINT,
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
  method         TEXT    NOT NULL CONSTRAINT plan_steps_method_check
                         CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
  path           TEXT    NOT NULL,  -- may hold {{step:N}} placeholders
  body           TEXT,              -- JSON, may hold {{step:N}} placeholders
  id_pointer     TEXT,
  check_json     TEXT    NOT NULL,  -- the Check, JSON with a "type" field
  state          TEXT    NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'DONE', 'FAILED', 'UNKNOWN', 'ABSENT')),
  attempt        INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  sent_at        BIGINT,
  finished_at    BIGINT,
  sent_path      TEXT,              -- the exact request sent, placeholders resolved (audit)
  sent_body      TEXT,
  result_id      BIGINT,
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
  sent_at        BIGINT,
  finished_at    BIGINT,
  method         TEXT    NOT NULL,
  sent_path      TEXT,
  sent_body      TEXT,
  result_id      BIGINT,
  result_status  INTEGER,
  result_body    TEXT,
  error          TEXT,
  verification   TEXT,
  PRIMARY KEY (plan_id, idx, attempt)
);
