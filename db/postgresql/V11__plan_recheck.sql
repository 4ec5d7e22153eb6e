-- PostgreSQL twin of db/sqlite/V11: when a WAITING plan is due to be looked at again (epoch ms), so that
-- another replica takes it over once that is overdue by a runner lease.
ALTER TABLE plans ADD COLUMN recheck_at BIGINT;
