package com.syncrobot.feature.comment;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.SlackOut;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Reply;
import com.syncrobot.slack.plan.PlanClick;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.syncrobot.syncro.Comment;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.Ticket;
import com.syncrobot.write.Plan;
import com.syncrobot.write.PlanState;
import com.syncrobot.write.PlanStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Session log" on a finished close (R16): reads the ticket and all its comments with the owner's
 * token, sends the Markdown summary to the technician as a file in their DM (files.uploadV2, or
 * the text in code blocks if the upload fails), and writes it under the session-log folder when
 * one is configured.
 */
public record SessionLogAction(PlanStore store, Function<String, Optional<SyncroApi>> apis, WorkQueue work,
    SlackOut out, @Nullable Path dir, Clock clock) implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(SessionLogAction.class);
  private static final int CHUNK = 2800;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    PlanClick.of(req).ifPresent(click -> {
      if (!work.submit("session log", () -> run(click))) {
        tell(click, UserMessages.BUSY);
      }
    });
    return ctx.ack();
  }

  private void run(PlanClick click) {
    Optional<Plan> plan = store.find(click.planId());
    if (plan.isEmpty() || !plan.get().isOwnedBy(click.userId()) || plan.get().ticket() == null
        || plan.get().state() != PlanState.DONE) {
      tell(click, "Only the technician who closed the ticket can get its session log, once the close is done.");
      return;
    }
    Optional<SyncroApi> api = apis.apply(click.userId());
    if (api.isEmpty()) {
      tell(click, UserMessages.NOT_CONNECTED);
      return;
    }
    Ticket ticket;
    List<Comment> comments;
    try {
      ticket = api.get().ticket(plan.get().ticket().id());
      comments = api.get().comments(ticket.id());
    } catch (SyncroException e) {
      tell(click, UserMessages.forSyncro(e, "That ticket no longer exists in Syncro."));
      return;
    }
    Long resolutionId = plan.get().step(0).resultId();
    Comment resolution = comments.stream().filter(c -> resolutionId != null && c.id() == resolutionId)
        .findFirst().orElse(null);
    String md = SessionLog.markdown(ticket, comments, resolution);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String saved = "";
    if (dir != null) {
      Path file = SessionLog.file(dir, ticket, today);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
        saved = " It was also saved on the bot's server as `" + Mrkdwn.inCode(dir.relativize(file).toString(), 200)
            + "`.";
      } catch (IOException e) {
        log.warn("Writing the session log of #{} failed: {}", ticket.number().value(), SafeLog.describe(e));
        saved = " Saving it on the bot's server failed; the error was logged.";
      }
    }
    if (upload(click.userId(), SessionLog.fileName(ticket, today), md, ticket)) {
      tell(click, ":page_facing_up: Session log of #" + ticket.number().value() + " sent to you as a file in your"
          + " DM with the bot." + saved);
    } else {
      for (int i = 0; i < md.length(); i += CHUNK) {
        out.post(click.userId(), Reply.of("```" + Mrkdwn.escape(md.substring(i, Math.min(md.length(), i + CHUNK)))
            + "```"));
      }
      tell(click, "Session log of #" + ticket.number().value() + " sent to your DM as text (the file upload failed)."
          + saved);
    }
  }

  private boolean upload(String userId, String name, String md, Ticket ticket) {
    try {
      ConversationsOpenResponse dm = out.methods().conversationsOpen(r -> r.users(List.of(userId)));
      if (!dm.isOk() || dm.getChannel() == null) {
        log.warn("conversations.open for {} failed: {}", userId, dm.getError());
        return false;
      }
      FilesUploadV2Response r = out.methods().filesUploadV2(f -> f.channel(dm.getChannel().getId())
          .filename(name).title("Session log #" + ticket.number().value())
          .fileData(md.getBytes(StandardCharsets.UTF_8)));
      if (!r.isOk()) {
        log.warn("files.uploadV2 of the session log failed: {}", r.getError());
        return false;
      }
      return true;
    } catch (Exception e) {
      log.warn("Uploading the session log failed: {}", SafeLog.describe(e));
      return false;
    }
  }

  private void tell(PlanClick click, String mrkdwn) {
    if (click.responseUrl() == null || !out.ephemeral(click.responseUrl(), Reply.of(mrkdwn))) {
      out.post(click.userId(), Reply.of(mrkdwn));
    }
  }
}
