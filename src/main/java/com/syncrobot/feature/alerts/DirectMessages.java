package com.syncrobot.feature.alerts;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import com.syncrobot.feature.tickets.TicketCommand;
import com.syncrobot.slack.Asker;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.TicketNumber;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Messages tab: a direct message to the bot ({@code message} event with {@code channel_type: im}) is
 * answered in the DM. {@code help}; a ticket number ({@code 32203}, {@code #32203}, {@code ticket 32203}) shows
 * the ticket as {@code /syncro ticket} does, read with the sender's token; {@code notify …} works as {@code
 * /syncro notify}; anything else gets a pointer to {@code /syncro help}. The bot's own messages, edits, joins and
 * other subtypes, and messages in channels are ignored; a redelivered event is answered once (its channel and
 * ts in the {@link DeliveryLog}).
 */
final class DirectMessages implements BoltEventHandler<MessageEvent> {
  static final String HELP = "I answer here too:\n"
      + "• `32203` or `ticket 32203` – one ticket: status, people, dates, newest comments, billing\n"
      + "• `notify` – your alerts by direct message; change them here, e.g. `notify replies on`\n"
      + "• `help` – this list\n"
      + "Everything else works with `/syncro` in any channel: `/syncro help` lists it.";
  static final String POINTER = "I only understand a ticket number (`32203`), `notify …` and `help` here. For "
      + "everything else use `/syncro` in any channel; `/syncro help` lists what it does.";
  private static final Logger log = LoggerFactory.getLogger(DirectMessages.class);

  private final TicketCommand tickets;
  private final NotifyReplies notify;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final SlackOut out;
  private final WorkQueue work;
  private final DeliveryLog deliveries;

  DirectMessages(TicketCommand tickets, NotifyReplies notify, ConnectedUserStore users, SyncroClient syncro,
      SlackOut out, WorkQueue work, DeliveryLog deliveries) {
    this.tickets = tickets;
    this.notify = notify;
    this.users = users;
    this.syncro = syncro;
    this.out = out;
    this.work = work;
    this.deliveries = deliveries;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent m = payload.getEvent();
    if (m == null || !"im".equals(m.getChannelType()) || m.getSubtype() != null || m.getBotId() != null
        || m.getUser() == null || m.getChannel() == null || m.getTs() == null || m.getText() == null) {
      return ctx.ack();
    }
    try {
      if (!deliveries.firstTime("im:" + m.getChannel() + ":" + m.getTs())) {
        log.info("Ignoring a redelivered direct message from {}", m.getUser());
        return ctx.ack();
      }
    } catch (RuntimeException e) {
      // Answering twice is better than not at all.
      log.warn("Could not record a direct message's delivery: {}", SafeLog.describe(e));
    }
    String user = m.getUser();
    String channel = m.getChannel();
    String text = m.getText();
    MethodsClient slack = ctx.client();
    if (!work.submit("direct message", () -> out.post(channel, answer(slack, user, text)))) {
      out.post(channel, Reply.of(UserMessages.BUSY));
    }
    return ctx.ack();
  }

  /** What to answer {@code user}'s message {@code text}. */
  Reply answer(MethodsClient slack, String user, String text) {
    String words = text.strip();
    String[] parts = words.split("\\s+", 2);
    String first = parts[0].toLowerCase(Locale.ROOT);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    if (first.equals("help") && rest.isEmpty()) {
      return Reply.of(HELP);
    }
    if (first.equals("notify")) {
      return Reply.of(notify.answer(slack, user, NotifyArgs.parse(rest)));
    }
    Optional<TicketNumber> number = TicketNumber.parse(words);
    if (number.isEmpty() && first.equals("ticket")) {
      number = TicketNumber.parse(rest);
      if (number.isEmpty()) {
        return Reply.of(rest.isEmpty() ? "Which ticket? For example `ticket 32203`."
            : "`" + Mrkdwn.inCode(rest, 40) + "` is not a ticket number. For example `ticket 32203`.");
      }
    }
    return number.map(n -> ticket(user, n)).orElseGet(() -> Reply.of(POINTER));
  }

  private Reply ticket(String user, TicketNumber number) {
    Asker asker = Asker.find(users, user);
    if (asker.refusal() != null) {
      return Reply.of(asker.refusal());
    }
    try {
      return tickets.show(syncro.as(asker.user().token()), number);
    } catch (SyncroException e) {
      log.info("ticket {} for {} by direct message failed: {}", number, user, SafeLog.describe(e));
      return Reply.of(UserMessages.forSyncro(e, TicketCommand.notFound(number)));
    } catch (RuntimeException e) {
      log.error("ticket {} for {} by direct message failed: {}", number, user, SafeLog.describe(e));
      return Reply.of(UserMessages.INTERNAL);
    }
  }
}
