package com.syncrobot.app;

import com.syncrobot.store.Database;
import com.syncrobot.store.Dialect;

import com.syncrobot.digest.DigestSettings;
import com.syncrobot.notify.NotifySettings;
import com.syncrobot.store.StoreRequestLedger;
import com.syncrobot.write.PlanExecutor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bot's whole configuration, read once from the environment at the edge. Nothing deeper
 * reads environment variables. Its {@link #toString()} hides every secret.
 */
public record BotConfig(
    @Nullable String slackBotToken,
    @Nullable String slackSigningSecret,
    @Nullable String slackAppToken,
    String slackApiUrl,
    int port,
    @Nullable String syncroBaseUrl,
    String dbUrl,
    @Nullable String secretKeyBase64,
    Path secretKeyFile,
    Duration previewTtl,
    @Nullable String auditChannel,
    @Nullable Path sessionLogDir,
    List<URI> ollamaUrls,
    DigestSettings digest,
    Duration settleWindow,
    Duration runnerLease,
    @Nullable String dbUser,
    @Nullable String dbPassword,
    int syncroRequestsPerMinute,
    String egress,
    NotifySettings notifications,
    boolean metrics) {

  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String SLACK_API_URL = "SLACK_API_URL";
  public static final String PORT = "PORT";
  public static final String SYNCRO_BASE_URL = "SYNCRO_BASE_URL";
  public static final String SYNCRO_SUBDOMAIN = "SYNCRO_SUBDOMAIN";
  public static final String DB_URL = "SYNCRO_BOT_DB_URL";
  public static final String DB_USER = "SYNCRO_BOT_DB_USER";
  public static final String DB_PASSWORD = "SYNCRO_BOT_DB_PASSWORD";
  public static final String SECRET_KEY = "SYNCRO_BOT_SECRET_KEY";
  public static final String SECRET_KEY_FILE = "SYNCRO_BOT_SECRET_KEY_FILE";
  public static final String PREVIEW_TTL_MINUTES = "SYNCRO_BOT_PREVIEW_TTL_MINUTES";
  public static final String AUDIT_CHANNEL = "SYNCRO_BOT_AUDIT_CHANNEL";
  public static final String SESSION_LOG_DIR = "SYNCRO_BOT_SESSION_LOG_DIR";
  public static final String OLLAMA_URLS = "OLLAMA_URLS";
  public static final String DIGEST_LATE_WINDOW_MINUTES = "SYNCRO_BOT_DIGEST_LATE_WINDOW_MINUTES";
  public static final String DIGEST_UNTOUCHED_DAYS = "SYNCRO_BOT_DIGEST_UNTOUCHED_DAYS";
  public static final String DIGEST_LINE_ITEM_READS = "SYNCRO_BOT_DIGEST_LINE_ITEM_READS";
  public static final String SETTLE_SECONDS = "SYNCRO_BOT_SETTLE_SECONDS";
  /** See README, "exactly once": longer than any request can take at Syncro, proxies in front included. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(120);
  public static final String ADMINS = "SYNCRO_BOT_ADMINS";
  public static final String ALLOW_SHARED_CHANNELS = "SYNCRO_BOT_ALLOW_SHARED_CHANNELS";

  /** How messages name the Syncro variables and the signing secret when they are missing. */
  private static final String SYNCRO_BASE_URL_NAME = SYNCRO_BASE_URL + " (or " + SYNCRO_SUBDOMAIN + ")";
  private static final String SIGNING_SECRET_NAME = SLACK_SIGNING_SECRET + " (required in HTTP mode, when "
      + SLACK_APP_TOKEN + " is not set)";
  public static final String RUNNER_LEASE_SECONDS = "SYNCRO_BOT_RUNNER_LEASE_SECONDS";
  /** See README, "The Syncro request budget": the requests a minute of one egress, shared by its processes. */
  public static final String SYNCRO_REQUESTS_PER_MINUTE = "SYNCRO_BOT_SYNCRO_REQUESTS_PER_MINUTE";
  public static final int DEFAULT_SYNCRO_REQUESTS_PER_MINUTE = 180;
  /** The name of the request budget this process spends: one per source address Syncro sees. */
  public static final String EGRESS = "SYNCRO_BOT_EGRESS";
  public static final String DEFAULT_EGRESS = "default";
  /** See README: how often each technician's view of Syncro is polled for live notifications. */
  public static final String NOTIFY_POLL_SECONDS = "SYNCRO_BOT_NOTIFY_POLL_SECONDS";
  /** See README: how long a ticket's first change waits for more before its notification is posted. */
  public static final String NOTIFY_BATCH_SECONDS = "SYNCRO_BOT_NOTIFY_BATCH_SECONDS";
  /** See README, "Metrics": {@code true} serves {@code GET /metrics} on {@link #PORT}. */
  public static final String METRICS = "SYNCRO_BOT_METRICS";

  public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
  public static final String DEFAULT_DB_URL = "jdbc:sqlite:data/syncro-bot.db";

  public BotConfig {
    Objects.requireNonNull(slackApiUrl, "slackApiUrl == null");
    Objects.requireNonNull(dbUrl, "dbUrl == null");
    Objects.requireNonNull(secretKeyFile, "secretKeyFile == null");
    Objects.requireNonNull(previewTtl, "previewTtl == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (!slackApiUrl.endsWith("/")) {
      slackApiUrl = slackApiUrl + "/";
    }
    ollamaUrls = List.copyOf(ollamaUrls);
    Objects.requireNonNull(digest, "digest == null");
    Objects.requireNonNull(settleWindow, "settleWindow == null");
    if (settleWindow.isNegative() || settleWindow.isZero()) {
      throw new IllegalArgumentException("settleWindow must be positive: " + settleWindow);
    }
    Objects.requireNonNull(runnerLease, "runnerLease == null");
    if (syncroRequestsPerMinute <= 0) {
      throw new IllegalArgumentException("syncroRequestsPerMinute must be positive: " + syncroRequestsPerMinute);
    }
    Objects.requireNonNull(egress, "egress == null");
    Objects.requireNonNull(notifications, "notifications == null");
  }

  /** A configuration whose database URL carries its own login, if it needs one, with the default Syncro budget. */
  public BotConfig(@Nullable String slackBotToken, @Nullable String slackSigningSecret, @Nullable String slackAppToken,
      String slackApiUrl, int port, @Nullable String syncroBaseUrl, String dbUrl, @Nullable String secretKeyBase64,
      Path secretKeyFile, Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      List<URI> ollamaUrls, DigestSettings digest, Duration settleWindow, Duration runnerLease) {
    this(slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, syncroBaseUrl, dbUrl, secretKeyBase64,
        secretKeyFile, previewTtl, auditChannel, sessionLogDir, ollamaUrls, digest, settleWindow, runnerLease, null,
        null, DEFAULT_SYNCRO_REQUESTS_PER_MINUTE, DEFAULT_EGRESS, NotifySettings.defaults(), false);
  }

  /** This configuration with {@code n} for live notifications. */
  public BotConfig withNotifications(NotifySettings n) {
    return new BotConfig(slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, syncroBaseUrl, dbUrl,
        secretKeyBase64, secretKeyFile, previewTtl, auditChannel, sessionLogDir, ollamaUrls, digest, settleWindow,
        runnerLease, dbUser, dbPassword, syncroRequestsPerMinute, egress, n, metrics);
  }

  /** This configuration with {@code GET /metrics} served ({@code on}) or not. */
  public BotConfig withMetrics(boolean on) {
    return new BotConfig(slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, syncroBaseUrl, dbUrl,
        secretKeyBase64, secretKeyFile, previewTtl, auditChannel, sessionLogDir, ollamaUrls, digest, settleWindow,
        runnerLease, dbUser, dbPassword, syncroRequestsPerMinute, egress, notifications, on);
  }

  /** A configuration with the default settle window and runner lease. */
  public BotConfig(@Nullable String slackBotToken, @Nullable String slackSigningSecret, @Nullable String slackAppToken,
      String slackApiUrl, int port, @Nullable String syncroBaseUrl, String dbUrl, @Nullable String secretKeyBase64,
      Path secretKeyFile, Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      List<URI> ollamaUrls, DigestSettings digest) {
    this(slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, syncroBaseUrl, dbUrl, secretKeyBase64,
        secretKeyFile, previewTtl, auditChannel, sessionLogDir, ollamaUrls, digest, DEFAULT_SETTLE,
        PlanExecutor.DEFAULT_RUNNER_LEASE);
  }

  /** A configuration with the default digest settings. */
  public BotConfig(@Nullable String slackBotToken, @Nullable String slackSigningSecret, @Nullable String slackAppToken,
      String slackApiUrl, int port, @Nullable String syncroBaseUrl, String dbUrl, @Nullable String secretKeyBase64,
      Path secretKeyFile, Duration previewTtl, @Nullable String auditChannel, @Nullable Path sessionLogDir,
      List<URI> ollamaUrls) {
    this(slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, syncroBaseUrl, dbUrl, secretKeyBase64,
        secretKeyFile, previewTtl, auditChannel, sessionLogDir, ollamaUrls, DigestSettings.defaults(),
        DEFAULT_SETTLE, PlanExecutor.DEFAULT_RUNNER_LEASE);
  }

  /** Reads the configuration from environment variables; see README for each one. */
  public static BotConfig fromEnv(Map<String, String> env) {
    String port = value(env, PORT).orElse("3000");
    int portNumber;
    try {
      portNumber = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new ConfigException(PORT + " must be a port number, got '" + port + "'");
    }
    if (portNumber < 0 || portNumber > 65535) {
      throw new ConfigException(PORT + " must be between 0 and 65535, got " + portNumber);
    }
    long ttlMinutes = number(env, PREVIEW_TTL_MINUTES, 30, 1, 24 * 60, "minutes");
    String logFormat = env.get(LogEncoder.VARIABLE);
    if (!LogEncoder.known(logFormat)) {
      throw new ConfigException(LogEncoder.VARIABLE + " must be text or json, got '" + logFormat + "'");
    }
    List<URI> ollama = new ArrayList<>();
    for (String u : value(env, OLLAMA_URLS).orElse("").split("[,\\s]+")) {
      if (!u.isBlank()) {
        try {
          ollama.add(URI.create(u));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(OLLAMA_URLS + " has an invalid URL: '" + u + "'");
        }
      }
    }
    return new BotConfig(
        value(env, SLACK_BOT_TOKEN).orElse(null),
        value(env, SLACK_SIGNING_SECRET).orElse(null),
        value(env, SLACK_APP_TOKEN).orElse(null),
        value(env, SLACK_API_URL).orElse(DEFAULT_SLACK_API_URL),
        portNumber,
        syncroBaseUrl(env).orElse(null),
        value(env, DB_URL).orElse(DEFAULT_DB_URL),
        value(env, SECRET_KEY).orElse(null),
        value(env, SECRET_KEY_FILE).map(Path::of).orElse(Path.of("data", "secret.key")),
        Duration.ofMinutes(ttlMinutes),
        value(env, AUDIT_CHANNEL).orElse(null),
        value(env, SESSION_LOG_DIR).map(Path::of).orElse(null),
        ollama,
        digestSettings(env),
        Duration.ofSeconds(number(env, SETTLE_SECONDS, DEFAULT_SETTLE.toSeconds(), 1, 3600, "seconds")),
        Duration.ofSeconds(number(env, RUNNER_LEASE_SECONDS, PlanExecutor.DEFAULT_RUNNER_LEASE.toSeconds(), 3, 3600,
            "seconds")),
        value(env, DB_USER).orElse(null),
        // not stripped: a password may begin or end with a space
        env.get(DB_PASSWORD) == null || env.get(DB_PASSWORD).isEmpty() ? null : env.get(DB_PASSWORD),
        (int) number(env, SYNCRO_REQUESTS_PER_MINUTE, DEFAULT_SYNCRO_REQUESTS_PER_MINUTE, 1, 10_000, "requests"),
        egress(env),
        notifySettings(env),
        metrics(env));
  }

  private static boolean metrics(Map<String, String> env) {
    String v = value(env, METRICS).orElse("false");
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new ConfigException(METRICS + " must be true or false, got '" + v + "'");
  }

  private static NotifySettings notifySettings(Map<String, String> env) {
    long poll = number(env, NOTIFY_POLL_SECONDS, NotifySettings.DEFAULT_POLL.toSeconds(),
        NotifySettings.MIN_POLL.toSeconds(), NotifySettings.MAX_POLL.toSeconds(), "seconds");
    long batch = number(env, NOTIFY_BATCH_SECONDS, NotifySettings.DEFAULT_BATCH.toSeconds(), 0,
        NotifySettings.MAX_BATCH.toSeconds(), "seconds");
    return new NotifySettings(Duration.ofSeconds(poll), Duration.ofSeconds(batch));
  }

  private static String egress(Map<String, String> env) {
    String v = value(env, EGRESS).orElse(DEFAULT_EGRESS);
    if (!StoreRequestLedger.EGRESS.matcher(v).matches()) {
      throw new ConfigException(EGRESS + " must be a name of letters, digits, '.', '_' and '-' (up to 63, starting"
          + " with a letter or digit) such as 'office-nat', got '" + v + "'; replicas that reach Syncro from one"
          + " address use the same name");
    }
    return v;
  }

  private static DigestSettings digestSettings(Map<String, String> env) {
    long late = number(env, DIGEST_LATE_WINDOW_MINUTES, DigestSettings.DEFAULT_LATE_WINDOW.toMinutes(), 0,
        DigestSettings.MAX_LATE_WINDOW.toMinutes(), "minutes");
    long untouched = number(env, DIGEST_UNTOUCHED_DAYS, DigestSettings.DEFAULT_UNTOUCHED_DAYS, 1, 365, "days");
    long reads = number(env, DIGEST_LINE_ITEM_READS, DigestSettings.DEFAULT_LINE_ITEM_READS, 0, 1000, "reads");
    return new DigestSettings(Duration.ofMinutes(late), (int) untouched, (int) reads, admins(env),
        allowShared(env));
  }

  private static Set<String> admins(Map<String, String> env) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : value(env, ADMINS).orElse("").split(",")) {
      String s = id.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!s.matches("[UW][A-Z0-9]{2,30}")) {
        throw new ConfigException(ADMINS + " must be Slack user ids such as U0123ABCD, separated by commas; '" + s
            + "' is not one (a profile's \"Copy member ID\" gives it)");
      }
      ids.add(s);
    }
    return ids;
  }

  private static boolean allowShared(Map<String, String> env) {
    String v = value(env, ALLOW_SHARED_CHANNELS).orElse("false");
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new ConfigException(ALLOW_SHARED_CHANNELS + " must be true or false, got '" + v + "'");
  }

  private static long number(Map<String, String> env, String name, long dflt, long min, long max, String unit) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be whole " + unit + ", got '" + v.get() + "'");
    }
    if (n < min || n > max) {
      throw new ConfigException(name + " must be " + min + " to " + max + ", got " + n);
    }
    return n;
  }

  private static Optional<String> syncroBaseUrl(Map<String, String> env) {
    Optional<String> base = value(env, SYNCRO_BASE_URL);
    if (base.isPresent()) {
      String b = base.get();
      if (!b.startsWith("https://") && !b.startsWith("http://")) {
        throw new ConfigException(SYNCRO_BASE_URL + " must start with https://, got '" + b + "'");
      }
      return Optional.of(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    }
    return value(env, SYNCRO_SUBDOMAIN).map(BotConfig::baseUrlForSubdomain);
  }

  /** Turns "acme", "acme.syncromsp.com" or "https://acme.syncromsp.com/" into the API base URL. */
  static String baseUrlForSubdomain(String input) {
    String s = input.strip().replaceFirst("^https?://", "");
    int dot = s.indexOf('.');
    if (dot >= 0) {
      s = s.substring(0, dot);
    }
    s = s.replace("/", "");
    if (!s.matches("[A-Za-z0-9-]{1,63}")) {
      throw new ConfigException(SYNCRO_SUBDOMAIN + " must be a Syncro subdomain like 'acme', got '" + input + "'");
    }
    return "https://" + s + ".syncromsp.com/api/v1";
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** Returns the Slack bot token, or stops with a message naming the variable. */
  public String requireSlackBotToken() {
    return require(slackBotToken, SLACK_BOT_TOKEN);
  }

  /** Returns the Syncro API base URL, or stops with a message naming the variables. */
  public String requireSyncroBaseUrl() {
    return require(syncroBaseUrl, SYNCRO_BASE_URL_NAME);
  }

  /** Returns the signing secret, required in HTTP mode. */
  public String requireSigningSecret() {
    return require(slackSigningSecret, SIGNING_SECRET_NAME);
  }

  /**
   * Checks every variable the bot needs to serve and stops with one line naming all that are
   * missing, so an operator fixes them in one go.
   */
  public void requireForServing() {
    List<String> missing = new ArrayList<>();
    if (slackBotToken == null) {
      missing.add(SLACK_BOT_TOKEN);
    }
    if (!socketMode() && slackSigningSecret == null) {
      missing.add(SIGNING_SECRET_NAME);
    }
    if (syncroBaseUrl == null) {
      missing.add(SYNCRO_BASE_URL_NAME);
    }
    if (missing.size() == 1) {
      throw new ConfigException("missing required environment variable " + missing.get(0));
    }
    if (!missing.isEmpty()) {
      throw new ConfigException("missing required environment variables " + String.join(", ", missing));
    }
  }

  public boolean socketMode() {
    return slackAppToken != null;
  }

  private static String require(@Nullable String value, String name) {
    if (value == null) {
      throw new ConfigException("missing required environment variable " + name);
    }
    return value;
  }

  /**
   * Opens the configured store (see {@link Database#open(String, String, String)}).
   *
   * @throws ConfigException if the database URL is not one the store accepts
   */
  public Database openDatabase() {
    try {
      Dialect.of(dbUrl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(DB_URL + ": " + e.getMessage());
    }
    return Database.open(dbUrl, dbUser, dbPassword);
  }

  /** The database URL as it may be shown: without a password it may carry. */
  public String dbUrlShown() {
    return Database.shown(dbUrl);
  }

  @Override
  public String toString() {
    return "BotConfig[socketMode=" + socketMode() + ", slackApiUrl=" + slackApiUrl + ", port=" + port
        + ", syncroBaseUrl=" + syncroBaseUrl + ", dbUrl=" + Database.shown(dbUrl) + ", dbUser=" + dbUser
        + ", previewTtl=" + previewTtl
        + ", auditChannel=" + auditChannel + ", sessionLogDir=" + sessionLogDir + ", ollamaUrls=" + ollamaUrls
        + ", digest=" + digest + ", settleWindow=" + settleWindow + ", runnerLease=" + runnerLease
        + ", syncroRequestsPerMinute=" + syncroRequestsPerMinute + ", egress=" + egress + ", notifications="
        + notifications + ", metrics=" + metrics + "]";
  }
}
