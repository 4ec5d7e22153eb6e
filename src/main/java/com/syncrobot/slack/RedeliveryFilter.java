package com.syncrobot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acks and drops a block_actions payload that was handled before, keyed on the payload's own ids
 * (R2): {@code action_ts + user + action_id + message_ts}. The atomic confirm already guarantees one
 * execution; this keeps a redelivery from sending a second reply, so it asks
 * {@link DeliveryLog#firstDelivery}, which never waits for the store's writer before the ack. Modal
 * submissions are keyed by {@link #viewKey} inside their handler, once the fields pass validation: a
 * submission refused with field errors keeps its view id and hash, and its corrected resubmission must
 * still count.
 */
public final class RedeliveryFilter implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(RedeliveryFilter.class);

  private final DeliveryLog deliveries;

  public RedeliveryFilter(DeliveryLog deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String key = key(req);
    if (key != null && !deliveries.firstDelivery(key)) {
      log.info("Ignoring a redelivered {} ({})", req.getRequestType(), key);
      return Response.ok();
    }
    return chain.next(req);
  }

  static @Nullable String key(Request req) {
    if (req instanceof BlockActionRequest b) {
      BlockActionPayload p = b.getPayload();
      if (p.getActions() == null || p.getActions().size() != 1) {
        return null;
      }
      BlockActionPayload.Action a = p.getActions().get(0);
      String messageTs = p.getContainer() == null ? "" : Objects.toString(p.getContainer().getMessageTs(), "");
      return "action:" + a.getActionTs() + ":" + p.getUser().getId() + ":" + a.getActionId() + ":" + messageTs;
    }
    return null;
  }

  /** Returns the delivery key of an accepted modal submission. */
  public static String viewKey(ViewSubmissionRequest req) {
    ViewSubmissionPayload p = req.getPayload();
    return "view:" + p.getView().getId() + ":" + p.getView().getHash();
  }
}
