package com.syncrobot.feature.create;

import com.syncrobot.slack.Asker;
import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.blocks.SlackMessageText;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserStore;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcuts: "Create Syncro ticket" opens the create modal with the message as its
 * description (plus a link back) and its first line as the subject; "Add to Syncro ticket" asks the
 * ticket number and who sees it, then previews the ordinary comment. Both open their modal before
 * anything slow (the trigger_id expires in about 3 seconds) and post the result in the message's
 * thread once it ran (R11: the asker's own token).
 */
public final class MessageShortcuts {
  static final String CREATE = "create_ticket_from_message";
  static final String COMMENT = "comment_from_message";
  private static final Logger log = LoggerFactory.getLogger(MessageShortcuts.class);

  private final ConnectedUserStore users;
  private final CreateForms forms;
  private final SlackOut out;

  MessageShortcuts(ConnectedUserStore users, CreateForms forms, SlackOut out) {
    this.users = users;
    this.forms = forms;
    this.out = out;
  }

  /** The message a shortcut was used on. */
  private record Source(String userId, String channelId, String ts, String threadTs, String text, String responseUrl,
      String teamDomain) {
    static Optional<Source> of(MessageShortcutPayload p) {
      Message m = p.getMessage();
      if (p.getUser() == null || p.getChannel() == null || m == null || m.getTs() == null) {
        return Optional.empty();
      }
      return Optional.of(new Source(p.getUser().getId(), p.getChannel().getId(), m.getTs(),
          Objects.requireNonNullElse(m.getThreadTs(), m.getTs()),
          SlackMessageText.plain(Objects.requireNonNullElse(m.getText(), "")),
          Objects.requireNonNullElse(p.getResponseUrl(), ""),
          p.getTeam() == null ? "" : Objects.requireNonNullElse(p.getTeam().getDomain(), "")));
    }
  }

  MessageShortcutHandler createTicket() {
    return (req, ctx) -> {
      Optional<Source> source = Source.of(req.getPayload());
      Optional<ConnectedUser> user = source.flatMap(s -> connected(s));
      if (source.isEmpty() || user.isEmpty()) {
        return ctx.ack();
      }
      Source s = source.get();
      CreateModal.Meta meta = new CreateModal.Meta(s.responseUrl(), s.channelId(), null, s.channelId(), s.threadTs(),
          null);
      Optional<String> problem = forms.open(ctx.client(), ctx.getTriggerId(), user.get(), meta, () -> {
        String link = Objects.requireNonNullElseGet(out.permalink(s.channelId(), s.ts()), () -> fallback(s));
        String from = "\n\nFrom Slack: " + link;
        String text = Mrkdwn.truncate(s.text().strip(), Math.max(1, CreateForm.MAX_DESCRIPTION - from.length()));
        return new CreateForms.Prefill("", SlackMessageText.subject(s.text()), text + from);
      });
      problem.ifPresent(p -> tell(s, p));
      return ctx.ack();
    };
  }

  MessageShortcutHandler addComment() {
    return (req, ctx) -> {
      Optional<Source> source = Source.of(req.getPayload());
      if (source.isEmpty() || connected(source.get()).isEmpty()) {
        return ctx.ack();
      }
      Source s = source.get();
      MessageCommentModal.Meta meta = new MessageCommentModal.Meta(s.responseUrl(), s.channelId(), s.ts(),
          s.threadTs(), s.teamDomain());
      open(ctx, s, MessageCommentModal.view(meta, s.text()));
      return ctx.ack();
    };
  }

  private Optional<ConnectedUser> connected(Source s) {
    Asker asker = Asker.find(users, s.userId());
    if (asker.refusal() != null) {
      tell(s, asker.refusal());
    }
    return Optional.ofNullable(asker.user());
  }

  private void open(MessageShortcutContext ctx, Source s, com.slack.api.model.view.View view) {
    try {
      ViewsOpenResponse r = ctx.client().viewsOpen(v -> v.triggerId(ctx.getTriggerId()).view(view));
      if (!r.isOk()) {
        log.warn("views.open for a message shortcut failed: {}", r.getError());
        tell(s, "Slack did not open the dialog (" + Mrkdwn.escapeAndTruncate(String.valueOf(r.getError()), 60)
            + "); try the shortcut again.");
      }
    } catch (Exception e) {
      log.warn("views.open for a message shortcut failed: {}", SafeLog.describe(e));
      tell(s, "Slack did not open the dialog; try the shortcut again.");
    }
  }

  private static String fallback(Source s) {
    return new MessageCommentModal.Meta("", s.channelId(), s.ts(), s.threadTs(), s.teamDomain()).fallbackPermalink();
  }

  /** Tells the asker only: beside the message through the shortcut's response_url, else by DM. */
  private void tell(Source s, String mrkdwn) {
    if (s.responseUrl().isEmpty() || !out.ephemeral(s.responseUrl(), Reply.of(mrkdwn))) {
      out.post(s.userId(), Reply.of(mrkdwn));
    }
  }

}
