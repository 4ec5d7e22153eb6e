package com.syncrobot.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.store.TokenDecryptionException;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Checks each configured part and says in plain words what is wrong. */
@Command(name = "doctor", description = "Check Slack, the store and key, and every connected Syncro token.")
final class DoctorCommand implements Callable<Integer> {
  private final Main.Cli cli;
  private int problems;

  DoctorCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws Exception {
    BotConfig config;
    try {
      config = cli.config();
    } catch (ConfigException e) {
      fail("configuration", e.getMessage());
      return 1;
    }
    checkMode(config);
    checkSlack(config);
    checkStoreAndSyncro(config);
    cli.out().println(problems == 0 ? "All checks passed." : problems + " problem(s) found.");
    return problems == 0 ? 0 : 1;
  }

  private void checkMode(BotConfig config) {
    if (config.socketMode()) {
      ok("mode", "Socket Mode (SLACK_APP_TOKEN is set); /healthz on port " + config.port());
    } else if (config.slackSigningSecret() == null) {
      fail("mode", "HTTP mode needs SLACK_SIGNING_SECRET (Slack app -> Basic Information -> Signing Secret), or set SLACK_APP_TOKEN for Socket Mode.");
    } else {
      ok("mode", "HTTP mode on port " + config.port() + " (POST /slack/events, GET /healthz)");
    }
  }

  private void checkSlack(BotConfig config) throws Exception {
    if (config.slackBotToken() == null) {
      fail("slack", "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page.");
      return;
    }
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    slackConfig.setStatsEnabled(false);
    try (Slack slack = Slack.getInstance(slackConfig)) {
      AuthTestResponse r = slack.methods(config.slackBotToken()).authTest(req -> req);
      if (r.isOk()) {
        ok("slack", "bot token works: bot user " + r.getUser() + " in workspace " + r.getTeam());
      } else {
        fail("slack", "Slack refused the bot token (" + r.getError() + "): copy the Bot User OAuth Token again, or reinstall the app.");
      }
    } catch (java.io.IOException e) {
      fail("slack", "could not reach Slack at " + config.slackApiUrl() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void checkStoreAndSyncro(BotConfig config) {
    Storage storage;
    try {
      storage = Storage.open(config, cli.clock());
    } catch (RuntimeException e) {
      fail("store", "cannot open " + config.dbUrl() + ": " + e.getMessage());
      return;
    }
    try (storage) {
      if (!storage.db().healthy()) {
        fail("store", config.dbUrl() + " does not answer a query");
        return;
      }
      List<ConnectedUserSummary> users = storage.users().list();
      ok("store", config.dbUrl() + " is readable; " + users.size() + " technician(s) connected");
      if (config.syncroBaseUrl() == null) {
        fail("syncro", "set SYNCRO_SUBDOMAIN (e.g. acme) or SYNCRO_BASE_URL (https://acme.syncromsp.com/api/v1)");
        return;
      }
      if (users.isEmpty()) {
        ok("syncro", "no technician connected yet: each runs /syncro connect in Slack");
        return;
      }
      SyncroClient client = SyncroClient.builder().baseUrl(config.syncroBaseUrl()).build();
      for (ConnectedUserSummary summary : users) {
        checkUser(client, storage, summary);
      }
    }
  }

  private void checkUser(SyncroClient client, Storage storage, ConnectedUserSummary summary) {
    String who = summary.slackUserId() + " (" + summary.syncroUserName() + ")";
    Optional<ConnectedUser> user;
    try {
      user = storage.users().find(summary.slackUserId());
    } catch (TokenDecryptionException e) {
      fail("syncro", who + ": the stored token cannot be decrypted with the current key; was SYNCRO_BOT_SECRET_KEY or the key file changed? Reconnect with /syncro connect.");
      return;
    }
    if (user.isEmpty()) {
      return;
    }
    try {
      Me me = client.as(user.get().token()).me();
      if (me.userId() != summary.syncroUserId()) {
        fail("syncro", who + ": the token now belongs to Syncro user " + me.userName() + " (" + me.userId() + "), not " + summary.syncroUserId());
      } else {
        ok("syncro", who + ": token accepted by Syncro");
      }
    } catch (SyncroAuthException e) {
      fail("syncro", who + ": Syncro refused the token (expired or revoked); they should run /syncro connect again");
    } catch (SyncroException e) {
      fail("syncro", who + ": could not check the token: " + e.getMessage());
    }
  }

  private void ok(String part, String message) {
    cli.out().println("[ok]   " + part + ": " + message);
  }

  private void fail(String part, String message) {
    problems++;
    cli.out().println("[FAIL] " + part + ": " + message);
  }
}
