-- PostgreSQL twin of db/sqlite/V8 (the same SQL).
-- Issue 12: runner heartbeats. Every plan runner (one per bot process) keeps a row here and
-- refreshes heartbeat_at every few seconds. A plan's runner lease (plans.runner) counts only while
-- that runner's heartbeat is fresh: a plan whose runner stopped beating (its process was killed) may
-- be taken over, one whose runner beats is left alone. Times are epoch milliseconds; plain SQL that
-- PostgreSQL runs as well, so that several replicas can share these leases later.
CREATE TABLE plan_runners (
  id           TEXT    PRIMARY KEY,
  host         TEXT    NOT NULL,
  pid          BIGINT  NOT NULL,
  started_at   BIGINT  NOT NULL,
  heartbeat_at BIGINT  NOT NULL
);
