-- PostgreSQL twin of db/sqlite/V7: plans that ended before this version count as shown to their owner.
INSERT INTO slack_deliveries (delivery_key, seen_at)
SELECT 'told:' || p.id || ':' || p.state || ':' || (SELECT COALESCE(SUM(s.attempt), 0) FROM plan_steps s
                                                    WHERE s.plan_id = p.id),
       (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT
FROM plans p
WHERE p.state IN ('DONE', 'FAILED', 'NEEDS_DECISION', 'NEEDS_RECOVERY')
ON CONFLICT (delivery_key) DO NOTHING;
