package com.syncrobot.feature.home;

import com.syncrobot.slack.WorkQueue;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;

/**
 * {@code app_home_opened}: acks at once and publishes the technician's Home tab off-thread (views.publish
 * with the event's view hash). The Messages tab opens the same event and is only acked.
 */
public record AppHomeOpened(HomeTab home, WorkQueue work) implements BoltEventHandler<AppHomeOpenedEvent> {
  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (event == null || !"home".equals(event.getTab()) || event.getUser() == null) {
      return ctx.ack();
    }
    String user = event.getUser();
    String hash = event.getView() == null ? null : event.getView().getHash();
    MethodsClient slack = ctx.client();
    // Refused only when the queue is full; the next open of the tab tries again.
    work.submit("home tab", () -> home.publish(slack, user, hash));
    return ctx.ack();
  }
}
