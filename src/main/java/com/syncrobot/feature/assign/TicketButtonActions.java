package com.syncrobot.feature.assign;

import com.syncrobot.feature.bill.BillCommand;
import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.TicketButtons;
import com.syncrobot.slack.plan.PlanRequests;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.TicketNumber;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four {@link TicketButtons} on any message about a ticket, for whoever clicks, with their own Syncro
 * token (R11): View shows the ticket as {@code /syncro ticket N} does, Comment and Bill open the dialogs of
 * {@code /syncro comment N} and {@code /syncro bill N}, Assign to me previews the assignment (R1). What the
 * clicker is told is theirs alone: an ephemeral message beside the clicked one in a channel or thread, a
 * message in the bot's DM when the click was there. Each click acks at once; reads and plans run on the work
 * queue, and so does opening a dialog, at once after the ack while the trigger_id is fresh (about 3 s). A
 * redelivered click is dropped by {@code RedeliveryFilter}.
 */
public final class TicketButtonActions implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(TicketButtonActions.class);
  private static final LoadingModal COMMENT_MODAL = new LoadingModal("comment");

  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final WorkQueue work;
  private final SlackOut out;
  private final PlanRequests requests;
  private final TicketDetail detail;
  private final BillCommand bill;

  TicketButtonActions(ConnectedUserStore users, SyncroClient syncro, WorkQueue work, SlackOut out,
      PlanRequests requests, TicketDetail detail, BillCommand bill) {
    this.users = users;
    this.syncro = syncro;
    this.work = work;
    this.out = out;
    this.requests = requests;
    this.detail = detail;
    this.bill = bill;
  }

  /**
   * One click: who, on which ticket, where (a channel, or the bot's DM with them) and the click's own
   * response_url and trigger_id.
   */
  record Click(String userId, TicketNumber number, String channelId, boolean inDm, String responseUrl,
      String triggerId) {
    static Optional<Click> of(BlockActionPayload p) {
      if (p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null) {
        return Optional.empty();
      }
      Optional<TicketNumber> number = TicketButtons.ticketOf(String.valueOf(p.getActions().get(0).getValue()));
      if (number.isEmpty()) {
        return Optional.empty();
      }
      String channel = p.getChannel() != null && p.getChannel().getId() != null ? p.getChannel().getId()
          : p.getContainer() != null ? Objects.requireNonNullElse(p.getContainer().getChannelId(), "") : "";
      // Slack's ids of direct-message channels start with D; the bot's DM with the clicker is one of them.
      return Optional.of(new Click(p.getUser().getId(), number.get(), channel, channel.startsWith("D"),
          Objects.requireNonNullElse(p.getResponseUrl(), ""), Objects.requireNonNullElse(p.getTriggerId(), "")));
    }
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    Optional<Click> parsed = Click.of(req.getPayload());
    if (parsed.isEmpty()) {
      log.warn("A ticket button carried no ticket number");
      return ctx.ack();
    }
    Click click = parsed.get();
    String actionId = req.getPayload().getActions().get(0).getActionId();
    switch (actionId) {
      case TicketButtons.VIEW -> queue(click, "ticket view", () -> tell(click, view(click)));
      case TicketButtons.ASSIGN -> assign(click);
      case TicketButtons.COMMENT -> queue(click, "ticket comment dialog", () -> comment(ctx.client(), click));
      case TicketButtons.BILL -> queue(click, "ticket bill dialog", () -> bill(ctx.client(), click));
      default -> log.warn("Unknown ticket button {}", actionId);
    }
    return ctx.ack();
  }

  /** Previews the assignment: ephemeral beside the clicked message, or a message in the DM; the plan keeps no URL. */
  private void assign(Click click) {
    // The click's response_url would replace the clicked message, never the preview: the plan does not keep it.
    boolean queued = requests.submit(AssignPlans.KIND, click.userId(), click.number(),
        click.inDm() ? "" : click.responseUrl(), AssignPlans.maker(click.channelId(), null));
    if (!queued) {
      tell(click, Reply.of(UserMessages.BUSY));
    }
  }

  /** Opens the comment dialog of {@code /syncro comment N}; its preview follows where the click was. */
  private void comment(MethodsClient client, Click click) {
    ConnectedUser user = connected(click);
    if (user == null) {
      return;
    }
    String usage = "`/syncro comment " + click.number().value() + "`";
    open(click, usage, () -> COMMENT_MODAL.open(client, click.triggerId(),
        CommentModal.view(meta("comment", click), ""), usage));
  }

  /** Opens the billing dialog of {@code /syncro bill N}; its preview follows where the click was. */
  private void bill(MethodsClient client, Click click) {
    ConnectedUser user = connected(click);
    if (user == null) {
      return;
    }
    open(click, "`/syncro bill " + click.number().value() + "`",
        () -> bill.open(client, click.triggerId(), user, meta("bill", click)));
  }

  /** Runs {@code opening} (on the work queue, after the ack) and tells the clicker when no dialog opened. */
  private void open(Click click, String usage, LoadingModal.Opening opening) {
    Optional<String> refused;
    try {
      refused = opening.run();
    } catch (IOException | SlackApiException e) {
      log.warn("views.open for a ticket button's dialog failed: {}", SafeLog.describe(e));
      refused = Optional.of("Slack did not open the dialog (it did not answer); run " + usage + " again.");
    }
    refused.ifPresent(r -> tell(click, Reply.of(r)));
  }

  /**
   * The dialog's meta: in a channel the preview is told through the click's response_url but never kept by
   * the plan; in the DM it is posted there, a message the Confirm click can then update.
   */
  private static CommentModal.Meta meta(String kind, Click click) {
    return new CommentModal.Meta(kind, click.number().value(), click.inDm() ? "" : click.responseUrl(),
        click.channelId(), true);
  }

  /** Returns the clicker's connection, or null after telling them why there is none. */
  private @Nullable ConnectedUser connected(Click click) {
    Asker asker = Asker.find(users, click.userId());
    if (asker.refusal() != null) {
      tell(click, Reply.of(asker.refusal()));
      return null;
    }
    return asker.user();
  }

  private Reply view(Click click) {
    Asker asker = Asker.find(users, click.userId());
    if (asker.refusal() != null) {
      return Reply.of(asker.refusal());
    }
    try {
      return TicketCommand.show(syncro.as(asker.user().token()), detail, click.number());
    } catch (SyncroException e) {
      log.info("Ticket view of {} for {} failed: {}", click.number(), click.userId(), SafeLog.describe(e));
      return Reply.of(UserMessages.forSyncro(e, TicketCommand.notFound(click.number())));
    } catch (RuntimeException e) {
      log.error("Ticket view of {} for {} failed: {}", click.number(), click.userId(), SafeLog.describe(e));
      return Reply.of(UserMessages.INTERNAL);
    }
  }

  private void queue(Click click, String what, Runnable task) {
    if (!work.submit(what, task)) {
      tell(click, Reply.of(UserMessages.BUSY));
    }
  }

  /** Tells the clicker only: a message in the DM, else ephemeral beside the clicked message (a DM if that fails). */
  private void tell(Click click, Reply reply) {
    if (click.inDm() || click.responseUrl().isEmpty() || !out.ephemeral(click.responseUrl(), reply)) {
      out.post(click.userId(), reply);
    }
  }
}
