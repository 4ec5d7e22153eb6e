-- Issue 16: channel subscriptions. A subscription posts ticket changes matching its filter in channel_id,
-- read with the Syncro token of created_by (a Slack user id). The filter: customer_id/customer_name (both
-- NULL: every customer), statuses and priorities (JSON arrays of Syncro's names; empty: any), events (JSON
-- array of event words: new, reply, status, assigned, resolved). filter_key is the filter in one canonical
-- form, so a channel holds one active subscription per filter (the partial unique index); a removed
-- subscription keeps its row (removed_at set) and its id is never reused (AUTOINCREMENT). broken_told_at:
-- when the creator was told that the channel no longer takes its posts (once, until a post succeeds again).
-- Times are epoch milliseconds.
CREATE TABLE subscriptions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id     TEXT    NOT NULL,
  created_by     TEXT    NOT NULL,
  customer_id    INTEGER,
  customer_name  TEXT,
  statuses       TEXT    NOT NULL,
  priorities     TEXT    NOT NULL,
  events         TEXT    NOT NULL,
  filter_key     TEXT    NOT NULL,
  created_at     INTEGER NOT NULL,
  removed_at     INTEGER,
  broken_told_at INTEGER,
  CHECK ((customer_id IS NULL) = (customer_name IS NULL))
) STRICT;

CREATE UNIQUE INDEX subscriptions_one_per_filter ON subscriptions (channel_id, filter_key) WHERE removed_at IS NULL;

-- The thread of each (subscription, ticket): the first message about the ticket (root_ts in channel_id), under
-- which every later post about it goes. Inserted once; the primary key lets one replica's root win.
CREATE TABLE subscription_threads (
  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  ticket_id       INTEGER NOT NULL,
  channel_id      TEXT    NOT NULL,
  root_ts         TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, ticket_id)
) STRICT;
