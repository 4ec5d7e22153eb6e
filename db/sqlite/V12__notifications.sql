-- Issue 16: live notifications (see com.syncrobot.notify.NotifyStore).
-- notify_views: one row per token owner (the Slack user id of a connected technician) whose view of Syncro the
-- notification engine polls. cursor_at is the high-water mark of Syncro's updated_at seen by a complete poll
-- (the next poll asks for tickets updated since it, less a small overlap); baseline_at is when the view's
-- first poll started (a ticket created after it and not seen before is new); checked_at is the last complete
-- poll; waiting_since / waiting_why say since when a poll is overdue and why, in words. lease_holder (a plan
-- runner id, alive while its heartbeat in plan_runners beats) and lease_until make one process poll a view at a
-- time: a poll claims the row with one conditional UPDATE and commits its result only while it still holds it.
-- Times are epoch milliseconds.
CREATE TABLE notify_views (
  owner         TEXT    PRIMARY KEY,
  baseline_at   BIGINT,
  cursor_at     BIGINT,
  checked_at    BIGINT,
  waiting_since BIGINT,
  waiting_why   TEXT,
  lease_holder  TEXT,
  lease_until   BIGINT  NOT NULL DEFAULT 0
);

-- notify_snapshots: per view and ticket, what its last poll saw (the difference to the next one is what
-- happened); last_reply_id is the newest customer comment announced; seen_at is when the row last changed
-- (rows of closed tickets unchanged for 30 days are pruned). customer_reply is 0 or 1.
CREATE TABLE notify_snapshots (
  owner          TEXT    NOT NULL,
  ticket_id      BIGINT  NOT NULL,
  status         TEXT    NOT NULL,
  user_id        BIGINT,
  priority       TEXT,
  customer_id    BIGINT,
  updated_at     BIGINT,
  customer_reply INTEGER NOT NULL DEFAULT 0,
  last_reply_id  BIGINT,
  seen_at        BIGINT  NOT NULL,
  PRIMARY KEY (owner, ticket_id)
);

-- notify_outbox: what is to be announced, one row per target ('sub:<id>' or 'user:<Slack user id>'), ticket
-- (0 for an alert about no ticket) and event key. The UNIQUE constraint makes an event recorded at most once
-- per target, ever (an offer is INSERT ... ON CONFLICT DO NOTHING), across restarts and replicas. state:
-- PENDING (waiting for due_at, the end of its batch window or a backoff), SENDING (claimed in batch batch_id by
-- holder, a plan runner id, at claimed_at), RETRY (Slack did not take the batch, or did not say whether it
-- did: it keeps its batch_id, so the next attempt at due_at first looks for it in Slack), POSTED or DROPPED (finished_at, detail says why or the message ts).
-- notice is the ticket state and the event as JSON. Finished rows are pruned after 30 days.
CREATE TABLE notify_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  target      TEXT    NOT NULL,
  ticket_id   BIGINT  NOT NULL,
  event_key   TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'RETRY', 'POSTED', 'DROPPED')),
  offered_at  BIGINT  NOT NULL,
  due_at      BIGINT  NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  batch_id    TEXT,
  holder      TEXT,
  claimed_at  BIGINT,
  finished_at BIGINT,
  notice      TEXT    NOT NULL,
  detail      TEXT,
  UNIQUE (target, ticket_id, event_key)
);

CREATE INDEX notify_outbox_due ON notify_outbox (state, due_at);
CREATE INDEX notify_outbox_batch ON notify_outbox (batch_id);
