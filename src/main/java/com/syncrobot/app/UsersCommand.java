package com.syncrobot.app;

import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroToken;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Connects, lists and forgets technicians' Syncro tokens from a shell (R11). */
@Command(
    name = "users",
    description = "Manage the technicians' connected Syncro tokens.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
  static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
  private final Main.Cli cli;

  UsersCommand(Main.Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    cli.err().println("Use one of: users add --slack-user U123 | users list | users remove --slack-user U123");
  }

  static boolean validSlackUser(Main.Cli cli, String slackUser) {
    if (!SLACK_USER_ID.matcher(slackUser).matches()) {
      cli.err().println("'" + slackUser
          + "' is not a Slack user id (it looks like U04ABCDEF; in Slack: profile -> ⋮ -> Copy member ID).");
      return false;
    }
    return true;
  }

  @Command(name = "add",
      description = "Read a Syncro API token from standard input, check it with Syncro and store it encrypted.")
  static final class Add implements Callable<Integer> {
    private final Main.Cli cli;

    @Option(names = "--slack-user", required = true, description = "The technician's Slack member id, e.g. U04ABCDEF.")
    String slackUser = "";

    Add(Main.Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
      if (!validSlackUser(cli, slackUser)) {
        return 2;
      }
      BotConfig config = cli.config();
      String baseUrl = config.requireSyncroBaseUrl();
      SyncroToken token;
      try {
        token = new SyncroToken(readToken());
      } catch (IllegalArgumentException e) {
        cli.err().println("No usable token on standard input: " + e.getMessage()
            + ". Example: printf '%s' \"$TOKEN\" | syncro-bot users add --slack-user " + slackUser);
        return 2;
      }
      Me me;
      try {
        me = SyncroClient.builder().baseUrl(baseUrl).build().as(token).me();
      } catch (SyncroAuthException e) {
        cli.err().println("Syncro refused that token (HTTP " + e.status()
            + "): check it was copied whole and has not expired or been revoked. Nothing was stored.");
        return 1;
      } catch (SyncroException e) {
        cli.err().println(
            "Could not check the token with Syncro at " + baseUrl + ": " + e.getMessage() + ". Nothing was stored.");
        return 1;
      }
      try (Storage storage = Storage.open(config, cli.clock())) {
        ConnectedUser user = storage.users().connect(slackUser, me.userId(), me.userName(), token);
        cli.out().println("Connected Slack user " + user.slackUserId() + " to Syncro user " + user.syncroUserName()
            + " (id " + user.syncroUserId() + ").");
      }
      return 0;
    }

    private String readToken() throws IOException {
      Console console = System.console();
      if (console != null && cli.in() == System.in) {
        char[] chars = console.readPassword("Syncro API token for %s (input hidden): ", slackUser);
        return chars == null ? "" : new String(chars);
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[256];
      int n;
      while ((n = cli.in().read(chunk)) != -1 && buffer.size() < 4096) {
        buffer.write(chunk, 0, n);
      }
      return buffer.toString(StandardCharsets.UTF_8).strip();
    }
  }

  @Command(name = "list", description = "List connected technicians (never their tokens).")
  static final class ListUsers implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);
    private final Main.Cli cli;

    ListUsers(Main.Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Storage storage = Storage.openExisting(cli.config(), cli.clock())) {
        List<ConnectedUserSummary> users = storage.users().list();
        if (users.isEmpty()) {
          cli.out().println("No technician has connected a Syncro token yet.");
          return 0;
        }
        cli.out().printf("%-14s %-10s %-28s %s%n", "SLACK USER", "SYNCRO ID", "SYNCRO USER", "CONNECTED");
        for (ConnectedUserSummary u : users) {
          cli.out().printf("%-14s %-10d %-28s %s%n", u.slackUserId(), u.syncroUserId(), u.syncroUserName(),
              WHEN.format(u.connectedAt()));
        }
        return 0;
      }
    }
  }

  @Command(name = "remove", description = "Forget a technician's Syncro token.")
  static final class Remove implements Callable<Integer> {
    private final Main.Cli cli;

    @Option(names = "--slack-user", required = true, description = "The technician's Slack member id.")
    String slackUser = "";

    Remove(Main.Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      if (!validSlackUser(cli, slackUser)) {
        return 2;
      }
      try (Storage storage = Storage.openExisting(cli.config(), cli.clock())) {
        if (storage.users().remove(slackUser)) {
          cli.out().println("Removed the Syncro token of " + slackUser + ".");
          return 0;
        }
        cli.err().println(slackUser + " has no Syncro token connected; nothing removed.");
        return 1;
      }
    }
  }
}
