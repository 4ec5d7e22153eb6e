-- Issue 3: Slack interaction deliveries already handled, keyed on the payload's own ids, so a retry or
-- redelivery of the same click or modal submission is acknowledged and ignored (R2). Rows older than a
-- day are pruned; seen_at is epoch milliseconds (UTC).
CREATE TABLE slack_deliveries (
  delivery_key TEXT    NOT NULL PRIMARY KEY,
  seen_at      INTEGER NOT NULL
);

CREATE INDEX slack_deliveries_seen_at ON slack_deliveries (seen_at);
