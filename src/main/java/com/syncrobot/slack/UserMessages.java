package com.syncrobot.slack;

import com.syncrobot.slack.blocks.Mrkdwn;

import com.syncrobot.syncro.SyncroAmbiguousWriteException;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import com.syncrobot.syncro.SyncroRateLimitedException;
import com.syncrobot.syncro.SyncroUnavailableException;
import com.syncrobot.syncro.SyncroValidationException;

/** The plain words a technician reads when something stops them (R11, R17); never a stack trace. */
public final class UserMessages {
  public static final String NOT_CONNECTED = "You have not connected your Syncro API token yet. Run `/syncro connect` and paste your own token; "
      + "everything you do through the bot is then done as you in Syncro.";
  public static final String TOKEN_REFUSED = "Your Syncro token was refused (expired or revoked?); run `/syncro connect` to connect a new one.";
  static final String UNAVAILABLE = "Syncro did not answer; try again in a minute.";
  static final String RATE_LIMITED = "Syncro is rate-limiting the bot right now (too many requests in the last minute); try again in a minute.";
  public static final String BUSY = "The bot is busy right now; try again in a moment.";

  public static final String INTERNAL = "Something went wrong inside the bot; the error was logged. Try again, and tell your admin if it persists.";
  public static final String STORE_FAILED = "The bot could not read your Syncro connection from its store; the error was logged. "
      + "If it persists, run `/syncro connect` again or ask your admin to run `doctor`.";

  private UserMessages() {}

  /** Returns what to tell the user about {@code e}; {@code notFound} names the missing record. */
  public static String forSyncro(SyncroException e, String notFound) {
    if (e instanceof SyncroAuthException auth) {
      // A token without a permission also gets 401 with Syncro's "Not authorized…" text: show it.
      String said = auth.syncroMessage().strip();
      return said.isEmpty()
          ? TOKEN_REFUSED
          : TOKEN_REFUSED + " Syncro said: “" + Mrkdwn.escapeAndTruncate(said, 300) + "”";
    }
    if (e instanceof SyncroNotFoundException) {
      return notFound;
    }
    if (e instanceof SyncroRateLimitedException) {
      return RATE_LIMITED;
    }
    if (e instanceof SyncroUnavailableException) {
      return UNAVAILABLE;
    }
    if (e instanceof SyncroValidationException v) {
      return "Syncro refused the request: " + Mrkdwn.escapeAndTruncate(v.syncroMessage(), 500);
    }
    if (e instanceof SyncroAmbiguousWriteException) {
      return "Syncro did not confirm the change, so it may or may not have happened. "
          + "Check the ticket in Syncro before trying again.";
    }
    return INTERNAL;
  }
}
