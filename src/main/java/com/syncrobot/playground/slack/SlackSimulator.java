package com.syncrobot.playground.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.syncrobot.playground.slack.user.BotLink;
import com.syncrobot.playground.slack.user.ModalActions;
import com.syncrobot.playground.slack.user.PageApi;
import com.syncrobot.playground.slack.user.Parts;
import com.syncrobot.playground.slack.user.Payloads;
import com.syncrobot.playground.slack.user.Snapshot;
import com.syncrobot.playground.slack.user.UserActions;
import com.syncrobot.playground.slack.web.ChatMethods;
import com.syncrobot.playground.slack.web.FileEndpoints;
import com.syncrobot.playground.slack.web.FileMethods;
import com.syncrobot.playground.slack.web.FileStore;
import com.syncrobot.playground.slack.web.HistoryMethods;
import com.syncrobot.playground.slack.web.InfoMethods;
import com.syncrobot.playground.slack.web.ResponseUrls;
import com.syncrobot.playground.slack.web.ViewMethods;
import com.syncrobot.playground.slack.web.WebApi;
import com.syncrobot.playground.slack.workspace.Blocks;
import com.syncrobot.playground.slack.workspace.Changes;
import com.syncrobot.playground.slack.workspace.Channel;
import com.syncrobot.playground.slack.workspace.Conversations;
import com.syncrobot.playground.slack.workspace.Handles;
import com.syncrobot.playground.slack.workspace.Team;
import com.syncrobot.playground.slack.workspace.Views;
import com.syncrobot.playground.slack.workspace.Where;
import com.syncrobot.threads.Background;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plays Slack for one bot on loopback: serves the Web API ({@link #apiUrl()}, the bot's
 * {@code SLACK_API_URL}) and response_urls, sends the bot signed slash commands, interactivity
 * payloads and events at its {@code /slack/events}, and serves a browser page at
 * {@link #baseUrl()} that looks like a Slack channel. The same gestures are available here as
 * methods, for tests and benchmarks that act without a browser. Thread-safe.
 *
 * <p>Channels: {@link #SUPPORT}, {@link #BILLING} (every demo user and the bot in them), the bot's DM
 * with each demo user ({@link #dmChannel(String)}), and private or Slack Connect channels a test makes
 * ({@link #createChannel}); people type only where they are members. A development tool: never started
 * by {@code serve}.
 */
public final class SlackSimulator implements AutoCloseable {
  public static final String SUPPORT = Team.SUPPORT;
  public static final String BILLING = Team.BILLING;
  /** Where the simulator listens unless told otherwise: loopback only. */
  public static final String DEFAULT_BIND_HOST = "127.0.0.1";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Changes changes;
  private final Conversations conv;
  private final Views views;
  private final BotLink bot;
  private final WebApi api;
  private final UserActions actions;
  private final ModalActions modals;
  private final String baseUrl;
  private volatile List<MessageShortcut> shortcuts = MessageShortcut.defaults();

  private SlackSimulator(HttpServer server, ExecutorService executor, Changes changes, Conversations conv,
      Views views, BotLink bot, WebApi api, UserActions actions, ModalActions modals, String baseUrl) {
    this.server = server;
    this.executor = executor;
    this.changes = changes;
    this.conv = conv;
    this.views = views;
    this.bot = bot;
    this.api = api;
    this.actions = actions;
    this.modals = modals;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the simulator on {@code bindHost:port} (port 0 picks a free one) for the bot whose
   * request URL is {@code botEventsUrl}.
   *
   * @throws IllegalArgumentException when a user id repeats or the URL is not http(s)
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static SlackSimulator start(String bindHost, int port, String botEventsUrl, String signingSecret,
      String botToken, List<DemoUser> users) {
    return start(bindHost, port, botEventsUrl, signingSecret, botToken, users, Clock.systemUTC());
  }

  /** Starts the simulator with {@code clock} for timestamps, signatures and handle expiry. */
  public static SlackSimulator start(String bindHost, int port, String botEventsUrl, String signingSecret,
      String botToken, List<DemoUser> users, Clock clock) {
    Objects.requireNonNull(bindHost, "bindHost == null");
    Objects.requireNonNull(signingSecret, "signingSecret == null");
    Objects.requireNonNull(botToken, "botToken == null");
    URI events = URI.create(Objects.requireNonNull(botEventsUrl, "botEventsUrl == null"));
    if (!"http".equals(events.getScheme()) && !"https".equals(events.getScheme())) {
      throw new IllegalArgumentException("the bot's events URL must be http(s): " + botEventsUrl);
    }
    if (signingSecret.isEmpty() || botToken.isEmpty()) {
      throw new IllegalArgumentException("the signing secret and the bot token must not be empty");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bindHost, port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("the Slack simulator cannot listen on " + bindHost + ":" + port, e);
    }
    String host = bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1"
        : bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
    String baseUrl = "http://" + host + ":" + server.getAddress().getPort();

    Changes changes = new Changes();
    Conversations conv = new Conversations(List.copyOf(users), clock, changes);
    Views views = new Views(changes);
    Handles handles = new Handles(clock);
    FileStore files = new FileStore();
    BotLink bot = new BotLink(events, signingSecret, clock);
    ResponseUrls responses = new ResponseUrls(handles, conv);
    Parts parts = new Parts(conv, views, handles, bot, new Payloads(clock), responses, () -> baseUrl);
    WebApi api = new WebApi(botToken, new ChatMethods(conv, parts.baseUrl()),
        new ViewMethods(views, handles, conv), new InfoMethods(conv, clock, parts.baseUrl()),
        new FileMethods(files, conv, parts.baseUrl()), new HistoryMethods(conv));
    UserActions actions = new UserActions(parts);
    ModalActions modals = new ModalActions(parts);

    // Long polls from the page hold threads, and the bot calls back while a request to it is open. At the
    // lowest priority: Slack's servers take no CPU from the bot.
    ExecutorService executor = Executors.newFixedThreadPool(32, Background.numbered("slack-sim"));
    server.setExecutor(executor);
    SlackSimulator sim = new SlackSimulator(server, executor, changes, conv, views, bot, api, actions, modals,
        baseUrl);
    server.createContext(WebApi.PREFIX, api);
    server.createContext(ResponseUrls.PREFIX, responses);
    FileEndpoints fileEndpoints = new FileEndpoints(files);
    server.createContext(FileEndpoints.UPLOAD, fileEndpoints);
    server.createContext(FileEndpoints.FILES, fileEndpoints);
    server.createContext("/", new PageApi(changes, new Snapshot(conv, views, () -> sim.shortcuts, actions),
        actions, modals));
    server.start();
    return sim;
  }

  /**
   * Serves {@code handler} under {@code pathPrefix} on the page's server, for a tool that adds a
   * panel to the page (the playground's sandbox controls), since the page can only call its own origin.
   *
   * @throws IllegalArgumentException when the prefix is taken or does not start with "/x-"
   */
  public void addRoute(String pathPrefix, com.sun.net.httpserver.HttpHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    if (!pathPrefix.startsWith("/x-") || !pathPrefix.endsWith("/")) {
      throw new IllegalArgumentException("extra routes live under /x-NAME/: " + pathPrefix);
    }
    server.createContext(pathPrefix, handler);
  }

  /** Returns {@code http://host:port}, where the page is. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the Web API prefix for the bot's {@code SLACK_API_URL}, ending in {@code /api/}. */
  public String apiUrl() {
    return baseUrl + WebApi.PREFIX;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving and wakes every waiting page request. */
  public void stop() {
    changes.close();
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }

  // ---- settings ----------------------------------------------------------------------------

  /** Sets how long the simulator waits for the bot's ack; Slack's 3 seconds by default. */
  public void setAckTimeout(Duration timeout) {
    bot.ackTimeout(timeout);
  }

  /** Sets the message shortcuts of the "⋮" menu. */
  public void setMessageShortcuts(List<MessageShortcut> list) {
    this.shortcuts = List.copyOf(list);
    changes.bump();
  }

  /** Sets the app's unfurl domains: URLs on them (or their subdomains) make a link_shared event. */
  public void setUnfurlDomains(List<String> domains) {
    actions.unfurlDomains(domains);
  }

  /** Sets the app's slash commands; default {@code /syncro}. */
  public void setSlashCommands(Set<String> commands) {
    actions.commands(commands);
    changes.bump();
  }

  /**
   * Creates a channel ({@code C…} or {@code G…} id): public or private, shared with another
   * organization (Slack Connect) or not, with {@code members} (any user ids; {@link #botUserId()} puts
   * the bot in). {@code conversations.info} and {@code conversations.members} answer for it as Slack does.
   *
   * @throws IllegalArgumentException when the id is taken or not a channel id
   */
  public void createChannel(String id, String name, boolean isPrivate, boolean sharedExternally,
      Collection<String> members) {
    conv.create(new Channel(id, name, null, isPrivate, sharedExternally, new LinkedHashSet<>(members)));
  }

  /** Adds {@code userId} (a person or the bot) to a channel, as joining or {@code /invite} does. */
  public void joinChannel(String userId, String channelId) {
    conv.setMember(channelId, userId, true);
  }

  /** Takes {@code userId} out of a channel, as leaving or being removed does. */
  public void leaveChannel(String userId, String channelId) {
    conv.setMember(channelId, userId, false);
  }

  // ---- acting as a user -----------------------------------------------------------------------

  /**
   * Runs a slash command as {@code userId} in {@code channelId}; {@code text} is
   * {@code "/syncro ticket 32203"} or just {@code "ticket 32203"} (for {@code /syncro}).
   */
  public BotAck runSlashCommand(String userId, String channelId, String text) {
    return actions.slashCommand(userId, channelId, text);
  }

  /** Posts a plain message as {@code userId}; URLs on the unfurl domains make a link_shared event. */
  public SimMessage postMessage(String userId, String channelId, String text) {
    return actions.say(userId, channelId, text, null);
  }

  /** Sends the bot a direct message as {@code userId} (in the bot's Messages tab): a message event, channel_type im. */
  public SimMessage sendDirectMessage(String userId, String text) {
    return postMessage(userId, dmChannel(userId), text);
  }

  /** Sends the last message or link_shared event again, with the same event id, as Slack redelivers one. */
  public boolean redeliverLastEvent() {
    return actions.redeliverLastEvent();
  }

  /** Replies in the thread of {@code threadTs} as {@code userId}. */
  public SimMessage postReply(String userId, String channelId, String threadTs, String text) {
    return actions.say(userId, channelId, text, threadTs);
  }

  /** Clicks the button labelled {@code actionText} on message {@code messageTs} (confirm dialogs are accepted). */
  public BotAck clickButton(String userId, String messageTs, String actionText) {
    return actions.clickButton(userId, messageTs, actionText);
  }

  /** Sends the bot the last click or submission again, unchanged, as a redelivery by Slack would. */
  public BotAck redeliverLastInteraction() {
    return bot.redeliverInteraction();
  }

  /** Clicks the button labelled {@code actionText} on {@code message}. */
  public BotAck clickButton(String userId, SimMessage message, String actionText) {
    return actions.clickButton(userId, message.ts(), actionText);
  }

  /**
   * Sets a select, radio group, date or time picker on a message to {@code value} (an option
   * value, user id, {@code YYYY-MM-DD} or {@code HH:mm}).
   */
  public BotAck selectOption(String userId, String messageTs, String actionId, String value) {
    SimMessage m = conv.find(messageTs).filter(x -> x.visibleTo(userId))
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " sees no message " + messageTs));
    Blocks.Element e = Blocks.interactiveElements(m.blocks()).stream().filter(x -> x.actionId().equals(actionId))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no element " + actionId + " on " + messageTs));
    return actions.actOnMessage(userId, m.channel(), messageTs, e.blockId(), actionId,
        JsonNodeFactory.instance.textNode(value));
  }

  /**
   * Submits the user's open modal. {@code values} maps an input block_id to a String (text,
   * number, option value, user id, date, time, epoch seconds), a Collection of Strings
   * (checkboxes, multi-selects) or a JsonNode as the page sends it; inputs left out keep the
   * values the bot set up. Empty required inputs are flagged without asking the bot.
   */
  public BotAck submitModal(String userId, Map<String, ?> values) {
    SimModal modal = currentModal(userId)
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no modal open"));
    return modals.submit(userId, modal.viewId(), ModalInputs.entered(modal.view(), values));
  }

  /** Clicks a button inside the user's open modal, e.g. one in an actions block. */
  public BotAck clickModalButton(String userId, String actionText) {
    return modals.clickButton(userId, actionText, Map.of());
  }

  /**
   * Asks the bot for the options of an external select in the user's open modal, as typing
   * {@code query} does; returns the options (those of option_groups flattened).
   */
  public List<JsonNode> suggestions(String userId, String blockId, String query) {
    SimModal modal = currentModal(userId)
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " has no modal open"));
    String actionId = ModalInputs.inputElement(modal.view(), blockId).path("action_id").asText();
    ObjectNode s = modals.suggest(userId, new Where.OnView(modal.viewId()), blockId, actionId, query);
    List<JsonNode> all = new ArrayList<>();
    s.path("options").forEach(all::add);
    s.path("option_groups").forEach(g -> g.path("options").forEach(all::add));
    return List.copyOf(all);
  }

  /** Closes the user's top modal with its Close button; returns the view_closed ack when one was sent. */
  public Optional<BotAck> closeModal(String userId) {
    return Optional.ofNullable(modals.close(userId, false));
  }

  /** Runs the message shortcut {@code callbackId} on message {@code messageTs}. */
  public BotAck messageShortcut(String userId, String messageTs, String callbackId) {
    SimMessage m = conv.find(messageTs).filter(x -> x.visibleTo(userId))
        .orElseThrow(() -> new IllegalArgumentException("user " + userId + " sees no message " + messageTs));
    return actions.shortcut(userId, m.channel(), messageTs, callbackId);
  }

  /** Opens the app's Home tab as {@code userId}. */
  public BotAck openHome(String userId) {
    return actions.openHome(userId);
  }

  /** Clicks a button on the user's Home tab. */
  public BotAck clickHomeButton(String userId, String actionText) {
    return modals.clickHomeButton(userId, actionText);
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** Returns every message of the channel, oldest first, thread replies and ephemeral ones included. */
  public List<SimMessage> messages(String channelId) {
    return conv.messages(channelId);
  }

  /** Returns the channel's messages that {@code userId} sees. */
  public List<SimMessage> messagesVisibleTo(String userId, String channelId) {
    return conv.messages(channelId).stream().filter(m -> m.visibleTo(userId)).toList();
  }

  /** Returns the replies in the thread of {@code threadTs}, oldest first. */
  public List<SimMessage> thread(String channelId, String threadTs) {
    return conv.messages(channelId).stream().filter(m -> m.isReply() && threadTs.equals(m.threadTs())).toList();
  }

  /** Returns the modal on top of the user's stack. */
  public Optional<SimModal> currentModal(String userId) {
    return views.top(userId).map(v -> v.toModal(views.depth(userId)));
  }

  /** Returns the user's published Home view. */
  public Optional<JsonNode> homeView(String userId) {
    return views.home(userId).map(v -> (JsonNode) v.view().deepCopy());
  }

  /** Returns the bot's Web API calls so far, oldest first, without tokens. */
  public List<ApiCall> apiCalls() {
    return api.calls();
  }

  /** Returns the id of the bot's DM channel with {@code userId}. */
  public String dmChannel(String userId) {
    if (conv.user(userId).isEmpty()) {
      throw new IllegalArgumentException("not a demo user: " + userId);
    }
    return Team.dmId(userId);
  }

  /** Returns the bot's own user id, the author of its messages. */
  public String botUserId() {
    return Team.BOT_USER_ID;
  }

  // ---- waiting ----------------------------------------------------------------------------------

  /** Returns the version of the visible state; it grows with every change. */
  public long version() {
    return changes.version();
  }

  /** Waits until something changed after {@code since}, at most {@code timeout}; returns the new version. */
  public long awaitChange(long since, Duration timeout) throws InterruptedException {
    return changes.awaitAfter(since, timeout);
  }

  /** Waits, at most {@code timeout}, for a message in the channel matching {@code match}. */
  public Optional<SimMessage> awaitMessage(String channelId, Predicate<SimMessage> match, Duration timeout)
      throws InterruptedException {
    return await(() -> messages(channelId).stream().filter(match).findFirst(), timeout);
  }

  /** Waits, at most {@code timeout}, until the user's modal matches {@code match}. */
  public Optional<SimModal> awaitModal(String userId, Predicate<SimModal> match, Duration timeout)
      throws InterruptedException {
    return await(() -> currentModal(userId).filter(match), timeout);
  }

  private <T> Optional<T> await(Supplier<Optional<T>> probe, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long seen = changes.version();
      Optional<T> found = probe.get();
      long left = deadline - System.nanoTime();
      if (found.isPresent() || left <= 0) {
        return found;
      }
      changes.awaitAfter(seen, Duration.ofNanos(left));
    }
  }
}
