-- PostgreSQL twin of db/sqlite/V3: Slack interaction deliveries already handled, keyed on the payload's own
-- ids, so a retry or redelivery reaching any replica is acknowledged and ignored. seen_at is epoch ms.
CREATE TABLE slack_deliveries (
  delivery_key TEXT    NOT NULL PRIMARY KEY,
  seen_at      BIGINT  NOT NULL
);

CREATE INDEX slack_deliveries_seen_at ON slack_deliveries (seen_at);
