package com.syncrobot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.syncrobot.metrics.Metrics;

/** Times the bot's answer (ack) to each request from Slack, by kind; in both transports (HTTP and Socket Mode). */
final class AckTimer implements Middleware {
  private final Metrics metrics;

  AckTimer(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type.
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (ClickAck.answered(req)) {
      // The transport answered it and timed that (HttpTransport); what follows is the handling, not the ack.
      return chain.next(req);
    }
    long started = metrics.start();
    try {
      return chain.next(req);
    } finally {
      metrics.slackAck(kind(req), started);
    }
  }

  static Metrics.AckKind kind(Request<?> req) {
    return switch (req.getRequestType()) {
      case Command -> Metrics.AckKind.COMMAND;
      case BlockAction, AttachmentAction, DialogSubmission, DialogCancellation, WorkflowStepEdit,
          WorkflowStepSave ->
        Metrics.AckKind.ACTION;
      case ViewSubmission -> Metrics.AckKind.VIEW_SUBMISSION;
      case ViewClosed -> Metrics.AckKind.VIEW_CLOSED;
      case GlobalShortcut, MessageShortcut -> Metrics.AckKind.SHORTCUT;
      case BlockSuggestion, DialogSuggestion -> Metrics.AckKind.OPTIONS;
      case Event -> Metrics.AckKind.EVENT;
      default -> Metrics.AckKind.OTHER;
    };
  }
}
