package com.syncrobot.app;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.RateTable;
import com.syncrobot.store.ConnectedUser;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.store.RateStore;
import com.syncrobot.store.TokenDecryptionException;
import com.syncrobot.syncro.Me;
import com.syncrobot.syncro.Product;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroAuthException;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.syncro.SyncroException;
import com.syncrobot.syncro.SyncroNotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** Checks each configured part and says in plain words what is wrong. */
@Command(name = "doctor", description = "Check Slack, the store and key, every connected Syncro token, and the rate"
    + " table against Syncro's products.")
final class DoctorCommand implements Callable<Integer> {
  private final Main.Cli cli;
  private int problems;
  private int warnings;

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
    String warned = warnings == 0 ? "" : " " + warnings + " warning(s) above.";
    cli.out().println((problems == 0 ? "All checks passed." : problems + " problem(s) found.") + warned);
    return problems == 0 ? 0 : 1;
  }

  private void checkMode(BotConfig config) {
    if (config.socketMode()) {
      ok("mode", "Socket Mode (SLACK_APP_TOKEN is set); /healthz and /readyz on port " + config.port());
    } else if (config.slackSigningSecret() == null) {
      fail("mode",
          "HTTP mode needs SLACK_SIGNING_SECRET (Slack app -> Basic Information -> Signing Secret), or set SLACK_APP_TOKEN for Socket Mode.");
    } else {
      ok("mode", "HTTP mode on port " + config.port() + " (POST /slack/events, GET /healthz, GET /readyz)");
    }
  }

  private void checkSlack(BotConfig config) throws Exception {
    if (config.slackBotToken() == null) {
      fail("slack",
          "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page.");
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
        fail("slack", "Slack refused the bot token (" + r.getError()
            + "): copy the Bot User OAuth Token again, or reinstall the app.");
      }
    } catch (java.io.IOException e) {
      fail("slack", "could not reach Slack at " + config.slackApiUrl() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void checkStoreAndSyncro(BotConfig config) {
    // Only looks: a store or key made here would hide that the bot's are elsewhere.
    boolean there = true;
    try {
      Storage.requireDatabase(config);
    } catch (ConfigException e) {
      fail("store", e.getMessage());
      there = false;
    }
    try {
      Storage.requireKey(config);
    } catch (ConfigException e) {
      fail("key", e.getMessage());
      there = false;
    }
    if (!there) {
      return;
    }
    Storage storage;
    try {
      storage = Storage.open(config, cli.clock());
    } catch (RuntimeException e) {
      fail("store", "cannot open " + config.dbUrlShown() + ": " + e.getMessage());
      return;
    }
    try (storage) {
      if (!storage.db().healthy()) {
        fail("store", config.dbUrlShown() + " does not answer a query");
        return;
      }
      List<ConnectedUserSummary> users = storage.users().list();
      ok("store", config.dbUrlShown() + " is readable; " + users.size() + " technician(s) connected");
      if (config.syncroBaseUrl() == null) {
        fail("syncro", "set SYNCRO_SUBDOMAIN (e.g. acme) or SYNCRO_BASE_URL (https://acme.syncromsp.com/api/v1)");
        checkRates(storage, null, null);
        return;
      }
      if (users.isEmpty()) {
        ok("syncro", "no technician connected yet: each runs /syncro connect in Slack");
        checkRates(storage, null, null);
        return;
      }
      SyncroClient client = SyncroClient.builder().baseUrl(config.syncroBaseUrl()).build();
      @Nullable ConnectedUser firstWorking = null;
      for (ConnectedUserSummary summary : users) {
        Optional<ConnectedUser> working = checkUser(client, storage, summary);
        if (firstWorking == null && working.isPresent()) {
          firstWorking = working.get();
        }
      }
      checkRates(storage, client, firstWorking);
    }
  }

  /**
   * Compares each rate with the live product ({@code GET /products/{id}}) and warns about drift; the
   * table is never changed here, so the bot keeps billing the table's price until an admin decides.
   */
  private void checkRates(Storage storage, @Nullable SyncroClient client, @Nullable ConnectedUser tech) {
    RateTable table;
    try {
      table = new RateStore(storage.db()).current();
    } catch (IllegalStateException e) {
      fail("rates", e.getMessage() + "; repair it with `rates set`");
      return;
    }
    if (client == null || tech == null) {
      ok("rates", table.all().size() + " labour rates in the table; not compared with Syncro (no working"
          + " technician token)");
      return;
    }
    SyncroApi api = client.as(tech.token());
    int warningsBefore = warnings;
    for (Rate r : table.all()) {
      String type = r.type().key();
      Product p;
      try {
        p = api.product(r.productId());
      } catch (SyncroNotFoundException e) {
        warn("rates", type + ": Syncro has no product " + r.productId() + "; " + type + " billing will fail until"
            + " you run `rates set " + type + "` with an existing product");
        continue;
      } catch (SyncroAuthException e) {
        warn("rates", "the token of " + tech.syncroUserName() + " may not read products (Syncro permission"
            + " Products - List/Search); the rates were not compared");
        return;
      } catch (SyncroException e) {
        warn("rates", type + ": could not read product " + r.productId() + ": " + e.getMessage());
        continue;
      }
      String tablePrice = r.priceRetail().toString();
      if (p.priceRetail() == null) {
        warn("rates", type + ": Syncro's product " + r.productId() + " has no price, the table says " + tablePrice
            + "; the bot keeps billing " + tablePrice);
      } else if (p.priceRetail().compareTo(r.priceRetail().amount()) != 0) {
        warn("rates", type + ": Syncro's product " + r.productId() + " price is " + cents(p.priceRetail())
            + ", the table says " + tablePrice + "; the bot keeps billing " + tablePrice
            + " until you run `rates set`");
      }
      if (!p.name().isBlank() && !p.name().strip().equals(r.productName())) {
        warn("rates", type + ": Syncro's product " + r.productId() + " is named \"" + p.name().strip()
            + "\", the table says \"" + r.productName() + "\" (the line item name the bot sends)");
      }
      if (p.disabled()) {
        warn("rates", type + ": Syncro's product " + r.productId() + " is disabled");
      }
    }
    if (warnings == warningsBefore) {
      ok("rates", "all " + table.all().size() + " labour rates match Syncro's products (checked with the token of "
          + tech.syncroUserName() + ")");
    }
  }

  private static String cents(BigDecimal price) {
    return price.stripTrailingZeros().scale() <= 2 ? price.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
        : price.toPlainString();
  }

  private Optional<ConnectedUser> checkUser(SyncroClient client, Storage storage, ConnectedUserSummary summary) {
    String who = summary.slackUserId() + " (" + summary.syncroUserName() + ")";
    Optional<ConnectedUser> user;
    try {
      user = storage.users().find(summary.slackUserId());
    } catch (TokenDecryptionException e) {
      fail("syncro", who
          + ": the stored token cannot be decrypted with the current key; was SYNCRO_BOT_SECRET_KEY or the key file changed? Reconnect with /syncro connect.");
      return Optional.empty();
    }
    if (user.isEmpty()) {
      return Optional.empty();
    }
    try {
      Me me = client.as(user.get().token()).me();
      if (me.userId() != summary.syncroUserId()) {
        fail("syncro", who + ": the token now belongs to Syncro user " + me.userName() + " (" + me.userId() + "), not "
            + summary.syncroUserId());
      } else {
        ok("syncro", who + ": token accepted by Syncro");
        return user;
      }
    } catch (SyncroAuthException e) {
      fail("syncro", who + ": Syncro refused the token (expired or revoked); they should run /syncro connect again");
    } catch (SyncroException e) {
      fail("syncro", who + ": could not check the token: " + e.getMessage());
    }
    return Optional.empty();
  }

  private void ok(String part, String message) {
    cli.out().println("[ok]   " + part + ": " + message);
  }

  private void warn(String part, String message) {
    warnings++;
    cli.out().println("[WARN] " + part + ": " + message);
  }

  private void fail(String part, String message) {
    problems++;
    cli.out().println("[FAIL] " + part + ": " + message);
  }
}
