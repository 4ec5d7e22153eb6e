package com.syncrobot.feature.create;

import com.syncrobot.slack.SafeLog;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Move button of an appointment in the {@code /syncro move-appointment} list: opens the modal
 * for its new time at once (the trigger_id expires in about 3 seconds); everything it shows came
 * in the button's value.
 */
public final class MovePick implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(MovePick.class);

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    if (p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null || p.getTriggerId() == null) {
      return ctx.ack();
    }
    Optional<MoveModal.Choice> choice = MoveModal.Choice.fromJson(p.getActions().get(0).getValue());
    if (choice.isEmpty()) {
      return ctx.ack();
    }
    String channel = p.getChannel() == null ? "" : Objects.requireNonNullElse(p.getChannel().getId(), "");
    MoveModal.Meta meta = new MoveModal.Meta(choice.get(), Objects.requireNonNullElse(p.getResponseUrl(), ""),
        channel);
    try {
      ViewsOpenResponse r = ctx.client().viewsOpen(v -> v.triggerId(p.getTriggerId())
          .view(MoveModal.view(meta, choice.get().zoneId())));
      if (!r.isOk()) {
        log.warn("views.open for the move modal failed: {}", r.getError());
      }
    } catch (Exception e) {
      log.warn("views.open for the move modal failed: {}", SafeLog.describe(e));
    }
    return ctx.ack();
  }
}
