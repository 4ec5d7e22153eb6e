package com.syncrobot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import org.slf4j.MDC;

/**
 * Puts the Slack user of each request into the log context ({@code slack_user}) while it is handled; work queued
 * from it carries the context along ({@link WorkQueue}).
 */
final class LogContext implements Middleware {
  static final String SLACK_USER = "slack_user";

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type.
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String user = req.getContext() == null ? null : req.getContext().getRequestUserId();
    if (user == null) {
      return chain.next(req);
    }
    MDC.put(SLACK_USER, user);
    try {
      return chain.next(req);
    } finally {
      MDC.remove(SLACK_USER);
    }
  }
}
