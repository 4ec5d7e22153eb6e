package com.syncrobot.feature.connect;

import com.syncrobot.slack.SafeLog;
import com.syncrobot.slack.UserMessages;
import com.syncrobot.slack.WorkQueue;
import com.syncrobot.slack.blocks.Mrkdwn;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.view.ViewState;
import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroToken;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submission of the connect modal (R11). The shape of the token is checked inside the ack, so a
 * blank or garbled paste is flagged on the field. The {@code GET /me} check runs off-thread,
 * because the shared Syncro request budget and its 429 waits can take longer than Slack's 3
 * seconds; the result arrives as a message in the app's DM with the user. The token itself is
 * never put in a message, a log line or a view.
 */
public record ConnectSubmission(ConnectedUserStore users, SyncroClient syncro, WorkQueue work)
    implements ViewSubmissionHandler {
  private static final Logger log = LoggerFactory.getLogger(ConnectSubmission.class);

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    String userId = req.getPayload().getUser().getId();
    String raw = pasted(req);
    Optional<String> problem = problem(raw);
    if (problem.isPresent()) {
      return ctx.ackWithErrors(Map.of(ConnectModal.BLOCK_ID, problem.get()));
    }
    SyncroToken token = new SyncroToken(raw);
    MethodsClient slack = ctx.client();
    if (!work.submit("connect", () -> connect(userId, token, slack))) {
      return ctx.ackWithErrors(
          Map.of(ConnectModal.BLOCK_ID, "The bot is busy right now; press Connect again in a moment."));
    }
    return ctx.ack();
  }

  private static String pasted(ViewSubmissionRequest req) {
    Map<String, Map<String, ViewState.Value>> values = req.getPayload().getView().getState().getValues();
    Map<String, ViewState.Value> block = values == null ? null : values.get(ConnectModal.BLOCK_ID);
    ViewState.Value v = block == null ? null : block.get(ConnectModal.ACTION_ID);
    return v == null || v.getValue() == null ? "" : v.getValue();
  }

  /** Returns why {@code raw} cannot be a Syncro token, in words for the modal; never echoes it. */
  public static Optional<String> problem(String raw) {
    String t = raw.strip();
    if (t.isEmpty()) {
      return Optional.of("Paste your Syncro API token.");
    }
    if (t.length() > ConnectModal.MAX_TOKEN_CHARS) {
      return Optional.of("That is too long for a Syncro API token; check what you pasted.");
    }
    if (!t.chars().allMatch(c -> c > 32 && c < 127)) {
      return Optional.of(
          "A Syncro API token has only letters, digits and punctuation, no spaces; check what you pasted.");
    }
    return Optional.empty();
  }

  private void connect(String userId, SyncroToken token, MethodsClient slack) {
    String message;
    try {
      Me me = syncro.as(token).me();
      users.connect(userId, me.userId(), me.userName(), token);
      log.info("Slack user {} connected Syncro user {}", userId, me.userId());
      message = "Connected as *" + Mrkdwn.escapeAndTruncate(me.userName(), 100) + "* (Syncro user " + me.userId()
          + "). Your `/syncro` commands now act as this Syncro user.";
    } catch (SyncroAuthException e) {
      message = "Syncro refused that token (wrong, expired or revoked?). Nothing was stored; "
          + "run `/syncro connect` to try another token.";
    } catch (SyncroException e) {
      log.info("Checking a token for {} failed: {}", userId, SafeLog.describe(e));
      message = UserMessages.forSyncro(e, "Syncro did not recognise the request.")
          + " Your token was not stored; run `/syncro connect` again.";
    } catch (RuntimeException e) {
      log.error("Connecting a token for {} failed: {}", userId, SafeLog.describe(e));
      message = "The bot could not store your token; the error was logged. Run `/syncro connect` again, "
          + "and tell your admin if it persists.";
    }
    dm(slack, userId, message);
  }

  private static void dm(MethodsClient slack, String userId, String mrkdwn) {
    try {
      // Posting to the user id lands in the app's DM with that user, visible to nobody else.
      ChatPostMessageResponse r = slack.chatPostMessage(b -> b.channel(userId).text(mrkdwn));
      if (!r.isOk()) {
        log.warn("chat.postMessage to {} failed: {}", userId, r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("chat.postMessage to {} failed: {}", userId, SafeLog.describe(e));
    }
  }
}
