package com.syncrobot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;

/**
 * Acks {@code app_home_opened}, which the manifest subscribes to; without a listener Bolt answers
 * 404 and Slack retries. The Home tab's content comes with a later feature.
 */
final class AppHomeOpened implements BoltEventHandler<AppHomeOpenedEvent> {
  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    return ctx.ack();
  }
}
