-- Issue 15: one Syncro request budget per egress address, kept in the store. Syncro allows 180 requests a
-- minute per source address, so every process that reaches Syncro from the same address (a restarted bot,
-- or replicas behind one NAT) counts its requests in one ledger, named by SYNCRO_BOT_EGRESS.
--
-- syncro_budgets: one row per egress name; a process takes a permit in one transaction that first
-- upserts this row (on PostgreSQL that locks it until commit, so replicas take permits one at a time; on
-- SQLite the IMMEDIATE transaction already holds the write lock), then counts the permits of the window.
CREATE TABLE syncro_budgets (
  egress     TEXT    PRIMARY KEY,
  touched_at BIGINT  NOT NULL
);

-- syncro_permits: the permits granted in the last two minutes or so (epoch milliseconds); older rows are pruned
-- now and then. priority is 'interactive' or 'background'.
CREATE TABLE syncro_permits (
  egress     TEXT    NOT NULL,
  granted_at BIGINT  NOT NULL,
  priority   TEXT    NOT NULL
);

CREATE INDEX syncro_permits_window ON syncro_permits (egress, granted_at);
