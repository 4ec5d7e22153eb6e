-- Issue 8: a plan that ended (or stopped to ask its owner) while the bot was going down may never have
-- been shown to the technician. From now on the preview updater records "told:<plan>:<state>:<attempts>"
-- in slack_deliveries once the owner was shown a plan's end, and the bot tells, at start, the plans of
-- the last day that lack it. Plans that ended before this migration were shown by the old code (or are
-- long past): mark them told, so an upgrade does not repeat them.
INSERT OR IGNORE INTO slack_deliveries (delivery_key, seen_at)
SELECT 'told:' || p.id || ':' || p.state || ':' || (SELECT COALESCE(SUM(s.attempt), 0) FROM plan_steps s
                                                    WHERE s.plan_id = p.id),
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM plans p
WHERE p.state IN ('DONE', 'FAILED', 'NEEDS_DECISION', 'NEEDS_RECOVERY');
