package com.syncrobot.feature.home;

import com.syncrobot.feature.digest.ChannelAccess;
import com.syncrobot.feature.tickets.TicketDetail;
import com.syncrobot.slack.DeliveryLog;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.DisplayTime;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatUnfurlRequest;
import com.slack.api.methods.response.chat.ChatUnfurlResponse;
import com.slack.api.model.event.LinkSharedEvent;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.InvoiceOverview;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code link_shared}: previews links to this account's Syncro tickets and invoices (chat.unfurl),
 * read with the token of the person who posted the link (R11). No token, a refused token or a missing
 * record means no preview and nothing said in the channel. Slack's repeated deliveries are dropped by
 * event id and by channel + message ts + URL, recorded in the store's {@link DeliveryLog} (kept a day,
 * far longer than Slack's last retry at about 5 minutes), so a delivery is recognised by whichever
 * replica of the bot it reaches. No Syncro data is previewed in a channel shared with another organization
 * unless allowed ({@link ChannelAccess#refusalToPreview}); the poster is told why in a message only
 * they see. Composer previews (typed, not yet posted) name no channel, so while shared channels are
 * refused they wait for the posted message's event. Thread-safe.
 */
public final class LinkUnfurls implements BoltEventHandler<LinkSharedEvent> {
  private static final Logger log = LoggerFactory.getLogger(LinkUnfurls.class);
  private static final String COMPOSER = "composer";

  private final SyncroLinks links;
  private final ConnectedUserStore users;
  private final SyncroClient syncro;
  private final WorkQueue work;
  private final Clock clock;
  private final DeliveryLog deliveries;
  private final ChannelAccess access;

  public LinkUnfurls(SyncroLinks links, ConnectedUserStore users, SyncroClient syncro, WorkQueue work, Clock clock,
      DeliveryLog deliveries, ChannelAccess access) {
    this.links = links;
    this.users = users;
    this.syncro = syncro;
    this.work = work;
    this.clock = clock;
    this.deliveries = deliveries;
    this.access = access;
  }

  @Override
  public Response apply(EventsApiPayload<LinkSharedEvent> payload, EventContext ctx) {
    LinkSharedEvent ev = payload.getEvent();
    if (ev == null || ev.getLinks() == null || ev.getUser() == null) {
      return ctx.ack();
    }
    boolean composer = ev.getUnfurlId() != null && COMPOSER.equals(ev.getSource());
    if (composer && !access.sharedChannelsAllowed()) {
      return ctx.ack();
    }
    String where = composer ? "unfurl:" + ev.getUnfurlId() : ev.getChannel() + ":" + ev.getMessageTs();
    List<SyncroLinks.Link> fresh = new ArrayList<>();
    try {
      if (payload.getEventId() != null && !deliveries.firstTime("link-event:" + payload.getEventId())) {
        return ctx.ack();
      }
      for (LinkSharedEvent.Link l : ev.getLinks()) {
        if (l.getUrl() == null) {
          continue;
        }
        Optional<SyncroLinks.Link> link = links.parse(l.getUrl());
        // Slack has been seen to resend with a new event id: the message and URL identify it too.
        if (link.isPresent() && deliveries.firstTime("link:" + where + ":" + l.getUrl())) {
          fresh.add(link.get());
        }
      }
    } catch (RuntimeException e) {
      // Without the store no delivery can be told from a repeat: no preview rather than two.
      log.warn("Recording a link_shared delivery failed: {}", SafeLog.describe(e));
      return ctx.ack();
    }
    if (fresh.isEmpty()) {
      return ctx.ack();
    }
    Optional<ConnectedUser> user;
    try {
      user = users.find(ev.getUser());
    } catch (RuntimeException e) {
      log.warn("Reading the connection of {} failed: {}", ev.getUser(), SafeLog.describe(e));
      return ctx.ack();
    }
    if (user.isEmpty()) {
      // No token, no preview (R11); and nothing is said in the channel.
      return ctx.ack();
    }
    MethodsClient slack = ctx.client();
    SyncroApi api = syncro.as(user.get().token());
    work.submit("unfurl", () -> unfurl(slack, api, ev, fresh));
    return ctx.ack();
  }

  private void unfurl(MethodsClient slack, SyncroApi api, LinkSharedEvent ev, List<SyncroLinks.Link> fresh) {
    if (!COMPOSER.equals(ev.getSource())) {
      Optional<String> refused = access.refusalToPreview(slack, ev.getChannel());
      if (refused.isPresent()) {
        log.info("No preview of a Syncro link in {}: not allowed there", ev.getChannel());
        tellPoster(slack, ev, "I did not preview your Syncro link: " + refused.get());
        return;
      }
    }
    Map<String, ChatUnfurlRequest.UnfurlDetail> unfurls = new LinkedHashMap<>();
    for (SyncroLinks.Link link : fresh) {
      try {
        unfurls.put(link.url(), preview(api, link));
      } catch (SyncroException e) {
        // Not the channel's business: the poster may lack access, or the record is gone.
        log.info("No preview of a Syncro link for {}: {}", ev.getUser(), SafeLog.describe(e));
      }
    }
    if (unfurls.isEmpty()) {
      return;
    }
    try {
      ChatUnfurlResponse r = slack.chatUnfurl(b -> {
        b.unfurls(unfurls);
        if (ev.getUnfurlId() != null && COMPOSER.equals(ev.getSource())) {
          return b.unfurlId(ev.getUnfurlId()).source(ev.getSource());
        }
        return b.channel(ev.getChannel()).ts(ev.getMessageTs());
      });
      if (!r.isOk()) {
        log.warn("chat.unfurl failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("chat.unfurl failed: {}", SafeLog.describe(e));
    }
  }

  private static void tellPoster(MethodsClient slack, LinkSharedEvent ev, String mrkdwn) {
    try {
      var r = slack.chatPostEphemeral(b -> b.channel(ev.getChannel()).user(ev.getUser()).text(mrkdwn)
          .threadTs(ev.getThreadTs()));
      if (!r.isOk()) {
        log.info("Telling {} why there is no preview failed: {}", ev.getUser(), r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.info("Telling {} why there is no preview failed: {}", ev.getUser(), SafeLog.describe(e));
    }
  }

  private ChatUnfurlRequest.UnfurlDetail preview(SyncroApi api, SyncroLinks.Link link) {
    String text;
    if (link instanceof SyncroLinks.TicketLink t) {
      text = ticket(t.canonical(), api.ticket(t.id()));
    } else {
      SyncroLinks.InvoiceLink i = (SyncroLinks.InvoiceLink) link;
      text = invoice(i.canonical(), api.invoiceOverview(i.id()));
    }
    return ChatUnfurlRequest.UnfurlDetail.builder().blocks(List.of(Reply.section(text))).build();
  }

  /** Subject, status, customer, assigned tech and last update; no comment text (it may be internal). */
  static String ticket(String url, Ticket t) {
    return "*<" + url + "|#" + t.number().value() + " · " + Mrkdwn.escapeAndTruncate(t.subject(), 150) + ">*\n"
        + "*Status:* " + orDash(t.status()) + " · *Customer:* " + orDash(t.customerName()) + " · *Tech:* "
        + orDash(t.assignedTechName()) + "\n*Last update:* " + DisplayTime.local(t.updatedAt());
  }

  /** Number, customer, total and payment status. */
  String invoice(String url, InvoiceOverview o) {
    String number = o.invoice().number() == null ? "" : " #" + Mrkdwn.escapeAndTruncate(o.invoice().number(), 30);
    String status;
    if (o.paid()) {
      status = "Paid";
    } else if (o.dueDate() != null && o.dueDate().toInstant().isBefore(clock.instant())) {
      status = "Unpaid, overdue (due " + DisplayTime.local(o.dueDate()) + ")";
    } else {
      status = "Unpaid" + (o.dueDate() == null ? "" : " (due " + DisplayTime.local(o.dueDate()) + ")");
    }
    return "*<" + url + "|Invoice" + number + ">* · " + orDash(o.invoice().customerName()) + "\n*Total:* "
        + TicketDetail.money(o.invoice().total()) + " · *Status:* " + status;
  }

  private static String orDash(@Nullable String s) {
    return s == null || s.isBlank() ? "—" : Mrkdwn.escapeAndTruncate(s.strip(), 100);
  }
}
