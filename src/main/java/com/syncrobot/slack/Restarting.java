package com.syncrobot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once the bot is stopping ({@link #stop()}), takes no new work: a slash command is answered, only to the
 * technician, that the bot is restarting and to try again in a minute; anything else (a click, a submitted form, an
 * event) gets 503, so Slack shows the click as not done and sends events again later, to the bot that is back. A
 * click the transport answered before the stop ({@link ClickAck}) was taken and is handled.
 */
final class Restarting implements Middleware {
  static final String TEXT = ":arrows_counterclockwise: The bot is restarting; nothing was done. Try again in a"
      + " minute.";

  private final AtomicBoolean stopping = new AtomicBoolean();

  void stop() {
    stopping.set(true);
  }

  boolean stopping() {
    return stopping.get();
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type.
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    // A click answered before the stop was taken then: its handling goes on.
    if (!stopping.get() || ClickAck.answered(req)) {
      return chain.next(req);
    }
    if (req.getRequestType() == RequestType.Command) {
      return Response.json(200, java.util.Map.of("response_type", "ephemeral", "text", TEXT));
    }
    return Response.builder().statusCode(503).contentType("text/plain; charset=utf-8")
        .body("The bot is restarting; try again in a minute.").build();
  }
}
