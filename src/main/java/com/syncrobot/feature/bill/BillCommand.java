package com.syncrobot.feature.bill;

import com.syncrobot.feature.comment.CommentModal;
import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.Invocation;
import com.syncrobot.slack.LoadingModal;
import com.syncrobot.slack.QueuedNotice;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.Subcommand;
import com.syncrobot.slack.TicketArg;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import com.syncrobot.draft.OllamaClient;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.RateStore;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.syncro.TicketNumber;
import com.syncrobot.syncro.TicketTimer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /syncro bill 32203} and {@code /syncro bill 32203 timers}: checks the number and the asker's
 * token (R11), opens a loading modal at once with the trigger_id (it expires in about 3 s), then, off
 * Slack's thread, resolves the number to the ticket (R26) and updates the modal with the billing form,
 * which keeps the ticket's id for the preview (or with the uncharged timers).
 */
public final class BillCommand implements Subcommand {
  private static final Logger log = LoggerFactory.getLogger(BillCommand.class);
  static final String USAGE = "`/syncro bill 32203`";
  private static final LoadingModal MODAL = new LoadingModal("bill");

  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final RateStore rates;
  private final OllamaClient ollama;
  private final WorkQueue work;
  private final SlackOut out;
  private final UnfinishedBills unfinished;

  public BillCommand(ConnectedUserStore users, SyncroClient syncro, RateStore rates, OllamaClient ollama,
      WorkQueue work,
      SlackOut out, UnfinishedBills unfinished) {
    this.users = users;
    this.syncro = syncro;
    this.rates = rates;
    this.ollama = ollama;
    this.work = work;
    this.out = out;
    this.unfinished = unfinished;
  }

  @Override
  public String name() {
    return "bill";
  }

  @Override
  public String usage() {
    return USAGE + " – bill labour: minutes, labour type, work done → comment, priced line item, invoice checked,"
        + " Invoiced; preview first. `/syncro bill 32203 timers` charges logged timers";
  }

  @Override
  public Response handle(Invocation call, SlashCommandContext ctx) throws IOException, SlackApiException {
    TicketArg arg = TicketArg.parse(call.args(), USAGE);
    if (arg.number().isEmpty()) {
      return Replies.ack(ctx, arg.problem());
    }
    String rest = arg.rest().toLowerCase(Locale.ROOT);
    boolean timers = rest.equals("timers") || rest.equals("timer");
    if (!rest.isEmpty() && !timers) {
      return Replies.ack(ctx, "`" + Mrkdwn.inCode(arg.rest(), 40) + "` is not understood here. Usage: " + USAGE
          + " or `/syncro bill 32203 timers`.");
    }
    Asker asker = Asker.find(users, call.userId());
    if (asker.refusal() != null) {
      return Replies.ack(ctx, asker.refusal());
    }
    CommentModal.Meta meta = new CommentModal.Meta(timers ? "timers" : "bill", arg.number().get().value(),
        Objects.requireNonNullElse(ctx.getResponseUrl(), ""), Objects.requireNonNullElse(ctx.getChannelId(), ""));
    return MODAL.open(ctx, BillModal.loading(meta, timers ? "and its timers" : "and its customer"), USAGE, work,
        "bill form", (client, viewId) -> fill(client, viewId, meta, asker.user(), false));
  }

  /**
   * Opens the billing dialog of ticket {@code meta.number()} for {@code user} with a button click's
   * {@code triggerId}, as {@code /syncro bill 32203} does; returns what to tell the clicker when it did not open.
   */
  public Optional<String> open(MethodsClient client, String triggerId, ConnectedUser user, CommentModal.Meta meta)
      throws IOException, SlackApiException {
    return MODAL.open(client, triggerId, BillModal.loading(meta, "and its customer"), USAGE, work, "bill form",
        (c, viewId) -> fill(c, viewId, meta, user, false));
  }

  /**
   * "Bill new work anyway" in the modal that named an unfinished billing: replaces it with the usual
   * form, the earlier line named at its top.
   */
  public BlockActionHandler billAnyway() {
    return (req, ctx) -> {
      View shown = req.getPayload().getView();
      Optional<FinishBillModal.Metadata> m = shown == null ? Optional.empty()
          : FinishBillModal.Metadata.fromJson(String.valueOf(shown.getPrivateMetadata()));
      String userId = req.getPayload().getUser() == null ? null : req.getPayload().getUser().getId();
      if (m.isEmpty() || userId == null) {
        return ctx.ack();
      }
      MethodsClient client = ctx.client();
      String viewId = shown.getId();
      CommentModal.Meta meta = m.get().meta();
      Optional<Duration> wait = work.heldBack();
      // said before the fill is queued, so that it never replaces the form
      wait.ifPresent(w -> MODAL.update(client, viewId, BillModal.message(meta,
          work.notice(w, QueuedNotice.Awaited.FORM))));
      work.submitSyncro("bill form", wait.orElse(null), () -> {
        Optional<ConnectedUser> user = users.find(userId);
        if (user.isEmpty()) {
          MODAL.update(client, viewId, BillModal.message(meta, UserMessages.NOT_CONNECTED));
          return;
        }
        fill(client, viewId, meta, user.get(), true);
      }).ifPresent(refused -> MODAL.update(client, viewId, BillModal.message(meta, refused)));
      return ctx.ack();
    };
  }

  /** Fills the modal; {@code anyway}: the usual form even when an unfinished billing is on the ticket. */
  private void fill(MethodsClient client, String viewId, CommentModal.Meta meta, ConnectedUser user, boolean anyway) {
    TicketNumber number = new TicketNumber(meta.number());
    String notFound = TicketCommand.notFound(number);
    View view;
    try {
      SyncroApi api = syncro.as(user.token());
      Optional<Ticket> found = api.findTicketByNumber(number);
      if (found.isEmpty()) {
        tell(client, viewId, meta, notFound);
        return;
      }
      Ticket ticket = found.get();
      if ("timers".equals(meta.kind())) {
        List<TicketTimer> uncharged = api.ticketTimers(ticket.id()).stream().filter(t -> !t.recorded()).toList();
        if (uncharged.isEmpty()) {
          tell(client, viewId, meta, "Ticket #" + meta.number() + " has no uncharged timers; nothing to charge.");
          return;
        }
        view = BillModal.timers(meta, ticket, uncharged);
      } else {
        // A line of an unfinished billing of this bot is named first: finish it, or bill new work on purpose.
        // Only when the store holds such a billing is the ticket's detail read to see whether its line stands.
        Optional<UnfinishedBills.Found> earlier = Optional.empty();
        if (unfinished.mayHave(ticket)) {
          ticket = api.ticket(ticket.id());
          earlier = unfinished.find(ticket);
        }
        if (earlier.isPresent() && !anyway) {
          MODAL.update(client, viewId, FinishBillModal.view(meta, ticket, earlier.get(), user.slackUserId()));
          return;
        }
        // The form shows the ticket as the number's lookup found it and keeps its id (R26), so the preview
        // reads the ticket's detail and the customer's prepaid hours (R5) once, fresh, by id.
        view = BillModal.form(meta.withTicket(ticket.id().value()), ticket, rates.current(), ollama.configured(),
            earlier.map(FinishBillModal::lead).orElse(null));
      }
    } catch (SyncroException e) {
      log.info("Loading the bill form failed: {}", SafeLog.describe(e));
      view = BillModal.message(meta, UserMessages.forSyncro(e, notFound));
    } catch (RuntimeException e) {
      log.error("Loading the bill form failed: {}", SafeLog.describe(e));
      view = BillModal.message(meta, UserMessages.INTERNAL);
    }
    MODAL.update(client, viewId, view);
  }

  /** Puts {@code mrkdwn} in the modal and beside the command, where it stays after the modal closes. */
  private void tell(MethodsClient client, String viewId, CommentModal.Meta meta, String mrkdwn) {
    MODAL.update(client, viewId, BillModal.message(meta, mrkdwn));
    if (!meta.responseUrl().isEmpty()) {
      out.ephemeral(meta.responseUrl(), Reply.of(mrkdwn));
    }
  }
}
