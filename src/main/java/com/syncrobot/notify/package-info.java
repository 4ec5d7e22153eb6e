/**
 * Live notifications: what changed in Syncro since the last look, and who wants to hear about it. The
 * engine polls Syncro incrementally per token's view ({@code GET /tickets?since_updated_at=}) at
 * background priority, turns the differences into {@link TicketEvent}s, routes them to channel
 * {@link Subscription}s and personal {@link AlertSettings}, records each once in the store's outbox
 * (batched per ticket, held through quiet hours) and hands due batches to a {@link NoticeSink}.
 * Start at {@link NotifyEngine} (poll, detect, route, deliver, status); {@link NotifyStore} keeps the views,
 * snapshots and outbox (db/sqlite/V12); {@link NotifyScheduler} runs both on one thread.
 */
@NullMarked
package com.syncrobot.notify;

import org.jspecify.annotations.NullMarked;
