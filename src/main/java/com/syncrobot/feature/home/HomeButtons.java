package com.syncrobot.feature.home;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.feature.connect.ConnectModal;
import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home tab's buttons. View posts the ticket's detail to the technician's DM with the app, read
 * with their own token (R11). Comment and Close open the same modal as {@code /syncro comment} and
 * {@code /syncro close} (preview and Confirm follow in the DM, R1); Connect opens the connect modal.
 * Modals open at once, since the trigger expires in about 3 seconds. Bill has no flow yet and says
 * so; its action id stays as it is, so that the billing feature can take it over.
 */
public record HomeButtons(ConnectedUserStore users, SyncroClient syncro, TicketDetail detail, WorkQueue work,
    boolean writeModals) implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(HomeButtons.class);

  /** The action ids this handler answers. */
  public static List<String> actionIds() {
    return List.of(HomeView.VIEW, HomeView.COMMENT, HomeView.BILL, HomeView.CLOSE, HomeView.CONNECT);
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload payload = req.getPayload();
    if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
      return ctx.ack();
    }
    BlockActionPayload.Action action = payload.getActions().get(0);
    String userId = payload.getUser().getId();
    MethodsClient slack = ctx.client();
    String triggerId = ctx.getTriggerId();
    if (HomeView.CONNECT.equals(action.getActionId())) {
      // After the ack, at once: the trigger_id lasts about 3 s, and the ack waits for no Slack API call.
      work.submit("home connect dialog", () -> {
        try {
          ViewsOpenResponse r = slack.viewsOpen(b -> b.triggerId(triggerId).view(ConnectModal.view(null)));
          if (!r.isOk()) {
            log.warn("views.open for the connect modal from Home failed: {}", r.getError());
          }
        } catch (IOException | SlackApiException e) {
          log.warn("views.open for the connect modal from Home failed: {}", SafeLog.describe(e));
        }
      });
      return ctx.ack();
    }
    Optional<TicketNumber> number = TicketNumber.parse(String.valueOf(action.getValue()));
    if (number.isEmpty()) {
      log.warn("Home button {} carried no ticket number", action.getActionId());
      return ctx.ack();
    }
    String id = action.getActionId();
    TicketNumber n = number.get();
    if (HomeView.VIEW.equals(id)) {
      work.submit("home view " + n, () -> dm(slack, userId, view(userId, n)));
    } else if (HomeView.BILL.equals(id)) {
      work.submit("home bill", () -> dm(slack, userId, Reply.of("Billing from the bot is not available yet; bill "
          + "ticket #" + n.value() + " in Syncro for now.")));
    } else {
      String kind = HomeView.COMMENT.equals(id) ? "comment" : "close";
      work.submit("home " + kind + " dialog", () -> openWriteModal(slack, triggerId, userId, kind, n));
    }
    return ctx.ack();
  }

  /**
   * Opens the comment/close modal with no response_url: its preview then goes to the user's DM. Runs on the work
   * queue at once after the ack, while the trigger_id is fresh.
   */
  private void openWriteModal(MethodsClient slack, String triggerId, String userId, String kind, TicketNumber n) {
    if (!writeModals) {
      dm(slack, userId, Reply.of("To " + kind + " ticket #" + n.value() + ", use `/syncro " + kind + " " + n.value()
          + "` in any channel."));
      return;
    }
    String refusal = Asker.find(users, userId).refusal();
    if (refusal != null) {
      dm(slack, userId, Reply.of(refusal));
      return;
    }
    CommentModal.Meta meta = new CommentModal.Meta(kind, n.value(), "", "");
    String problem;
    try {
      ViewsOpenResponse r = slack.viewsOpen(b -> b.triggerId(triggerId).view(CommentModal.view(meta, "")));
      if (r.isOk()) {
        return;
      }
      problem = r.getError();
    } catch (IOException | SlackApiException e) {
      problem = SafeLog.describe(e);
    }
    log.warn("views.open for the {} modal from Home failed: {}", kind, problem);
    dm(slack, userId, Reply.of("Slack did not open the dialog; use `/syncro " + kind + " " + n.value()
        + "` instead."));
  }

  private Reply view(String userId, TicketNumber n) {
    Asker asker = Asker.find(users, userId);
    if (asker.refusal() != null) {
      return Reply.of(asker.refusal());
    }
    String notFound = TicketCommand.notFound(n);
    try {
      var api = syncro.as(asker.user().token());
      Optional<Ticket> found = api.findTicketByNumber(n);
      return found.isEmpty() ? Reply.of(notFound) : detail.render(api.ticket(found.get().id()));
    } catch (SyncroException e) {
      log.info("Home view of {} for {} failed: {}", n, userId, SafeLog.describe(e));
      return Reply.of(UserMessages.forSyncro(e, notFound));
    }
  }

  private static void dm(MethodsClient slack, String userId, Reply reply) {
    try {
      // Posting to the user id lands in the app's DM with that user, visible to nobody else.
      ChatPostMessageResponse r = slack.chatPostMessage(b -> b.channel(userId).text(reply.text())
          .blocks(blocksOrNull(reply)));
      if (!r.isOk()) {
        log.warn("chat.postMessage to {} failed: {}", userId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("chat.postMessage to {} failed: {}", userId, SafeLog.describe(e));
    }
  }

  private static @Nullable List<LayoutBlock> blocksOrNull(Reply reply) {
    return reply.blocks().isEmpty() ? null : reply.blocks();
  }
}
