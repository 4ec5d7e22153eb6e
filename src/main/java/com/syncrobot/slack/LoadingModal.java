package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Mrkdwn;
import com.syncrobot.slack.blocks.Replies;
import com.syncrobot.slack.blocks.Reply;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modal a slash command opens at once with its trigger_id, which Slack expires about 3 seconds
 * after the technician's action, too soon for a Syncro round trip: {@link #open} shows the modal (a
 * loading view, or the whole form when it needs no Syncro read), the work queue fills it off Slack's
 * thread, and {@link #update} replaces it. {@code name} names the modal in the log ("bill").
 */
public record LoadingModal(String name) {
  private static final Logger log = LoggerFactory.getLogger(LoadingModal.class);

  /** Work that fills the opened modal {@code viewId} through {@link #update}. */
  public interface Fill {
    void fill(MethodsClient client, String viewId);
  }

  /**
   * Acks at once and opens {@code view} from {@code work} with the command's trigger_id (valid about 3 seconds):
   * nothing on Slack's thread waits for Slack's API. When Slack refuses it (an expired trigger too), says why
   * through the command's response_url and to run {@code usage} again; acks that the bot is busy when {@code work}
   * is full.
   */
  public Response open(SlashCommandContext ctx, View view, String usage, WorkQueue work) {
    return afterAck(ctx, work, name, usage, () -> open(ctx.client(), ctx.getTriggerId(), view, usage));
  }

  /**
   * Opens {@code view} with {@code triggerId} (a command's or a button click's); returns what to tell the
   * technician when Slack refused it (run {@code usage} instead).
   */
  public Optional<String> open(MethodsClient client, String triggerId, View view, String usage)
      throws IOException, SlackApiException {
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
    return opened.isOk() ? Optional.empty() : Optional.of(notOpened(opened, usage));
  }

  /**
   * Opens the {@code loading} view and queues {@code fill} as {@code what}; acks, or acks why not:
   * Slack refused the view (run {@code usage} again) or the bot is too busy (nothing was opened then
   * but the loading view). When Syncro's request budget holds the fill back, the loading view says it
   * is queued and for about how long.
   */
  public Response open(SlashCommandContext ctx, View loading, String usage, WorkQueue work, String what, Fill fill) {
    return afterAck(ctx, work, name, usage,
        () -> open(ctx.client(), ctx.getTriggerId(), loading, usage, work, what, fill));
  }

  /** Opens a modal; returns what to tell the technician when it failed. */
  public interface Opening {
    Optional<String> run() throws IOException, SlackApiException;
  }

  /**
   * Acks the command at once and runs {@code opening} (which opens modal {@code name} with the command's
   * trigger_id, valid about 3 seconds) from {@code work}, so that Slack's thread never waits for Slack's API;
   * what it reports (a refusal, an expired trigger) goes to the command's response_url, as does Slack not
   * answering (run {@code usage} again). Acks that the bot is busy when {@code work} is full.
   */
  public static Response afterAck(SlashCommandContext ctx, WorkQueue work, String name, String usage,
      Opening opening) {
    boolean queued = work.submit(name + " modal", () -> {
      Optional<String> problem;
      try {
        problem = opening.run();
      } catch (IOException | SlackApiException e) {
        log.warn("views.open for the {} modal failed: {}", name, SafeLog.describe(e));
        problem = Optional.of("Slack did not open the dialog (it did not answer); run " + usage + " again.");
      }
      problem.ifPresent(p -> Replies.respond(ctx, Reply.of(p)));
    });
    return queued ? ctx.ack() : Replies.ack(ctx, UserMessages.BUSY);
  }

  /**
   * As {@link #open(SlashCommandContext, View, String, WorkQueue, String, Fill)} with {@code triggerId} (a
   * command's or a button click's); returns what to tell the technician when it failed.
   */
  public Optional<String> open(MethodsClient client, String triggerId, View loading, String usage, WorkQueue work,
      String what, Fill fill) throws IOException, SlackApiException {
    Optional<Duration> wait = work.heldBack();
    View shown = wait.map(w -> queued(loading, work.notice(w, QueuedNotice.Awaited.FORM))).orElse(loading);
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(shown));
    if (!opened.isOk() || opened.getView() == null) {
      return Optional.of(notOpened(opened, usage));
    }
    String viewId = opened.getView().getId();
    return work.submitSyncro(what, wait.orElse(null), () -> fill.fill(client, viewId));
  }

  /**
   * Adds {@code notice} (from {@link WorkQueue#notice}) below what {@code loading} says and returns it: a form
   * whose Syncro reads the request budget holds back.
   */
  public static View queued(View loading, String notice) {
    List<LayoutBlock> blocks = new ArrayList<>(loading.getBlocks() == null ? List.of() : loading.getBlocks());
    blocks.add(Reply.section(notice));
    loading.setBlocks(blocks);
    return loading;
  }

  private String notOpened(ViewsOpenResponse opened, String usage) {
    log.warn("views.open for the {} modal failed: {}", name, opened.getError());
    return "Slack did not open the dialog (" + Mrkdwn.escapeAndTruncate(String.valueOf(opened.getError()), 60)
        + "); run " + usage + " again.";
  }

  /** Replaces the modal's view; a failure is logged, and the technician keeps seeing the view before. */
  public void update(MethodsClient client, String viewId, View view) {
    try {
      ViewsUpdateResponse r = client.viewsUpdate(u -> u.viewId(viewId).view(view));
      if (!r.isOk()) {
        log.warn("views.update of the {} modal failed: {}", name, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("views.update of the {} modal failed: {}", name, SafeLog.describe(e));
    }
  }
}
