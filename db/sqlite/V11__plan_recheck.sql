-- Issue 15: a WAITING plan records when it is due to be looked at again. The process that left it WAITING
-- re-checks it then; if that process is gone (killed, or a replica that stopped), any other bot process
-- takes the plan over once the re-check is overdue by a runner lease. Epoch milliseconds; NULL for plans
-- that are not waiting (and for plans left WAITING before this version: those are overdue at once).
ALTER TABLE plans ADD COLUMN recheck_at INTEGER;
