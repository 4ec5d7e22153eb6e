-- Issue 4: billing. A plan may now hold READ steps (method GET) that assert what Syncro holds after the
-- writes before them, e.g. "GET /invoices/{id} shows the expected total" (R9); the assertion is JSON with a
-- "type" field in assertion_json. A read that finds a $0.00 invoice of unpriced lines stops its plan in
-- the new state NEEDS_RECOVERY, from which the Slack side offers the R10 repair as a plan of its own.
--
-- SQLite cannot change a CHECK constraint in place, and foreign keys are enforced on every connection, so
-- the three plan tables are copied aside, dropped children first, recreated and filled again (parents
-- first) within the migration's transaction; at no moment does a row point at a missing plan.

CREATE TABLE v6_plans AS SELECT * FROM plans;
CREATE TABLE v6_plan_steps AS SELECT * FROM plan_steps;
CREATE TABLE v6_plan_step_attempts AS SELECT * FROM plan_step_attempts;

DROP TABLE plan_step_attempts;
DROP TABLE plan_steps;
DROP TABLE plans;

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
                                                     'DONE', 'FAILED', 'NEEDS_RECOVERY', 'CANCELLED',
                                                     'EXPIRED')),
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
  -- GET only for read steps, which carry an assertion and never write
  method         TEXT    NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE', 'GET')),
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
  result_body    TEXT,              -- what Syncro answered, capped at 16 KB (a read: a short JSON summary)
  error          TEXT,              -- Syncro's own message, why the outcome is unknown, why an assertion failed
  verification   TEXT,              -- how an unknown outcome was decided, or what a read found
  assertion_json TEXT,              -- a read step's Assertion, JSON with a "type" field; NULL for writes
  CHECK ((method = 'GET') = (assertion_json IS NOT NULL)),
  PRIMARY KEY (plan_id, idx)
);

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

INSERT INTO plans (id, kind, slack_user_id, syncro_user_id, syncro_user_name, channel_id, ticket_id, ticket_number,
    ticket_subject, customer_name, title, state, created_at, expires_at, confirmed_at, finished_at, response_url,
    preview_json, note, runner, wait_count)
  SELECT id, kind, slack_user_id, syncro_user_id, syncro_user_name, channel_id, ticket_id, ticket_number,
    ticket_subject, customer_name, title, state, created_at, expires_at, confirmed_at, finished_at, response_url,
    preview_json, note, runner, wait_count
  FROM v6_plans;

INSERT INTO plan_steps (plan_id, idx, label, method, path, body, id_pointer, check_json, state, attempt, sent_at,
    finished_at, sent_path, sent_body, result_id, result_status, result_body, error, verification, assertion_json)
  SELECT plan_id, idx, label, method, path, body, id_pointer, check_json, state, attempt, sent_at, finished_at,
    sent_path, sent_body, result_id, result_status, result_body, error, verification, NULL
  FROM v6_plan_steps;

INSERT INTO plan_step_attempts (plan_id, idx, attempt, state, sent_at, finished_at, method, sent_path, sent_body,
    result_id, result_status, result_body, error, verification)
  SELECT plan_id, idx, attempt, state, sent_at, finished_at, method, sent_path, sent_body, result_id,
    result_status, result_body, error, verification
  FROM v6_plan_step_attempts;

DROP TABLE v6_plan_step_attempts;
DROP TABLE v6_plan_steps;
DROP TABLE v6_plans;
