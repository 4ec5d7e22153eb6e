-- PostgreSQL twin of db/sqlite/V6: plans may hold READ steps (method GET) with an assertion, and a plan may
-- stop in NEEDS_RECOVERY. PostgreSQL changes the constraints in place.
ALTER TABLE plans DROP CONSTRAINT plans_state_check;
ALTER TABLE plans ADD CONSTRAINT plans_state_check
  CHECK (state IN ('PREVIEWED', 'EXECUTING', 'WAITING', 'NEEDS_DECISION', 'DONE', 'FAILED', 'NEEDS_RECOVERY',
                   'CANCELLED', 'EXPIRED'));

ALTER TABLE plan_steps DROP CONSTRAINT plan_steps_method_check;
ALTER TABLE plan_steps ADD CONSTRAINT plan_steps_method_check
  CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE', 'GET'));
-- a read step's Assertion, JSON with a "type" field; NULL for writes
ALTER TABLE plan_steps ADD COLUMN assertion_json TEXT;
ALTER TABLE plan_steps ADD CONSTRAINT plan_steps_read_has_assertion
  CHECK ((method = 'GET') = (assertion_json IS NOT NULL));
