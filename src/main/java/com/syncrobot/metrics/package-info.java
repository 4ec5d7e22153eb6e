/**
 * The bot's metrics: {@link com.syncrobot.metrics.Metrics} owns the Micrometer registry that {@code GET /metrics}
 * serves in Prometheus's text format when {@code SYNCRO_BOT_METRICS=true}, and is the one place every meter is
 * named (README, "Metrics"). Instrumented classes call one of its methods; {@link
 * com.syncrobot.metrics.Metrics#NONE} records nothing. Every tag comes from a fixed set of values: never a token,
 * text a person wrote, a customer, a ticket, an id or a Slack user.
 */
@NullMarked
package com.syncrobot.metrics;

import org.jspecify.annotations.NullMarked;
