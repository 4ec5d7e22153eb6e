package com.syncrobot.resilience;

import com.syncrobot.app.BotConfig;
import com.syncrobot.playground.sandbox.SyncroSandbox;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SlackSimulator;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroClient;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.write.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Syncro sandbox, the Slack simulator and the real bot between them (started by {@code BotServer}
 * from the environment a production bot reads), in this JVM, with the engine's re-check delays divided
 * by {@link #TIME_COMPRESSION} so a one-minute re-check runs after 100 ms, and the client's timeouts and the
 * settle window shortened (seconds, in real time).
 * The bot's port is fixed at start so a restarted bot (in-process or a child JVM) answers the same URL.
 */
final class Rig implements AutoCloseable {
  /** Re-check delays run this many times faster than in production (1 min becomes 100 ms). */
  static final long TIME_COMPRESSION = 600;
  static final Duration WAIT = Duration.ofSeconds(20);
  /**
   * Syncro's request limit per minute, in the sandbox and in the bot's budget alike: the suite runs far
   * more scenarios a minute than technicians do, and a 429 is injected where a scenario wants one
   * (budget discipline at the real 180 is measured by {@code bench/} and {@code RequestBudgetTest}).
   */
  static final int REQUESTS_PER_MINUTE = 6000;
  /**
   * The bot's Syncro client gives up on an answer after this (20 s read, 30 s in all in production), so a
   * slow commit after {@link #COMMIT_DELAY} lands after the client stopped waiting.
   */
  static final Duration CLIENT_READ_TIMEOUT = Duration.ofMillis(2000);
  static final Duration CLIENT_CALL_TIMEOUT = Duration.ofMillis(2500);
  /** When the sandbox's slow faults commit a write: after the client gave up, well inside the settle window. */
  static final Duration COMMIT_DELAY = Duration.ofMillis(3500);
  /** The bot's settle window ({@code SYNCRO_BOT_SETTLE_SECONDS}; 120 s in production), in real time. */
  static final Duration SETTLE = Duration.ofSeconds(6);

  final BotRig botRig;
  final Path dir;
  final SyncroSandbox sandbox;
  final SlackSimulator sim;
  final int botPort;
  private @Nullable ScheduledExecutorService rechecks;

  Rig(Path dir) throws Exception {
    this(BotRig.builder(), dir);
  }

  /** A rig whose bot keeps its store at {@code storeUrl} (e.g. a PostgreSQL database several replicas share). */
  Rig(Path dir, String storeUrl) throws Exception {
    this(BotRig.builder().store(storeUrl), dir);
  }

  private Rig(BotRig.Builder builder, Path dir) throws Exception {
    this.botRig = builder
        .requestsPerMinute(REQUESTS_PER_MINUTE)
        .env(BotConfig.SETTLE_SECONDS, Long.toString(SETTLE.toSeconds()))
        .start(dir);
    this.dir = dir;
    this.sandbox = botRig.sandbox;
    this.sim = botRig.sim;
    this.botPort = botRig.botPort;
    sandbox.faults().commitDelay(COMMIT_DELAY);
  }

  String dbUrl() {
    return botRig.dbUrl();
  }

  /** The environment a production bot reads (BotConfig.fromEnv), pointed at the sandbox and the simulator. */
  Map<String, String> botEnv() {
    return botRig.botEnv();
  }

  /** The seeded tickets that are still open (not resolved, invoiced or closed), for scenarios to use up. */
  Deque<SandboxTicket> openTickets() {
    return new ArrayDeque<>(sandbox.state().tickets().stream()
        .filter(t -> !List.of("Resolved", "Invoiced", "Closed").contains(t.status())).toList());
  }

  /**
   * Starts the bot in this JVM on the same store and port, wired by {@code BotServer} as in production
   * except for its request budget ({@link #REQUESTS_PER_MINUTE}) and its re-check delays (divided by
   * {@link #TIME_COMPRESSION}).
   */
  void startBot() {
    startBot(Map.of());
  }

  /** As {@link #startBot()}, with {@code overrides} set over the environment of {@link #botEnv()} (e.g. {@code OLLAMA_URLS}). */
  void startBot(Map<String, String> overrides) {
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rig-rechecks");
      t.setDaemon(true);
      return t;
    });
    // Back-off waits (a minute and more) are compressed; the shorter checks within the settle window are
    // counted from when a request left, by the real clock, so they run in real time.
    Scheduler compressed = (delay, task) -> timers.schedule(task, delay.compareTo(Duration.ofMinutes(1)) >= 0
        ? delay.toMillis() / TIME_COMPRESSION : Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    SyncroClient.Builder client = SyncroClient.builder()
        .budget(new RequestBudget(REQUESTS_PER_MINUTE, Clock.systemUTC(), Sleeper.system()))
        .readTimeout(CLIENT_READ_TIMEOUT)
        .callTimeout(CLIENT_CALL_TIMEOUT);
    try {
      botRig.startBot(overrides, client, compressed);
    } catch (RuntimeException e) {
      timers.shutdownNow();
      throw e;
    }
    rechecks = timers;
  }

  void stopBot() {
    botRig.stopBot();
    if (rechecks != null) {
      rechecks.shutdownNow();
      rechecks = null;
    }
  }

  /** An open ticket of the seed data, by number. */
  SandboxTicket openTicket(int nth) {
    return sandbox.state().tickets().stream()
        .filter(t -> List.of("New", "In Progress").contains(t.status()))
        .sorted((a, b) -> Long.compare(a.number(), b.number()))
        .skip(nth).findFirst().orElseThrow();
  }

  /** Runs {@code /syncro <kind> <number>}, fills the modal and returns the preview message with Confirm. */
  SimMessage preview(String user, String kind, long number, String body) throws InterruptedException {
    var ack = sim.runSlashCommand(user, SlackSimulator.SUPPORT, "/syncro " + kind + " " + number);
    if (!ack.ok()) {
      throw new AssertionError("slash command not acked: " + ack);
    }
    if (sim.awaitModal(user, m -> true, WAIT).isEmpty()) {
      throw new AssertionError("no modal");
    }
    Map<String, Object> values = new HashMap<>();
    values.put("subject", "Resolution");
    values.put("body", body);
    var submitted = sim.submitModal(user, values);
    if (!submitted.ok()) {
      throw new AssertionError("modal submission not acked: " + submitted);
    }
    return await(m -> m.buttons().contains("Confirm") && m.allText().contains(body.substring(0, 10)));
  }

  /**
   * Runs {@code /syncro bill <number>}, answers the modal with {@code minutes} of remote labour described by
   * {@code work}, and returns the preview message with Confirm.
   */
  SimMessage billPreview(String user, long number, int minutes, String work) throws InterruptedException {
    var ack = sim.runSlashCommand(user, SlackSimulator.SUPPORT, "/syncro bill " + number);
    if (!ack.ok()) {
      throw new AssertionError("slash command not acked: " + ack);
    }
    // The bill modal opens as "loading" and is filled in once the ticket is read.
    if (sim.awaitModal(user, m -> m.view().toString().contains("\"block_id\":\"minutes\""), WAIT).isEmpty()) {
      throw new AssertionError("no bill form");
    }
    var submitted = sim.submitModal(user, Map.of("minutes", Integer.toString(minutes), "labour", "remote",
        "work", work));
    if (!submitted.ok()) {
      throw new AssertionError("modal submission not acked: " + submitted);
    }
    return await(m -> m.buttons().contains("Confirm") && m.allText().contains(work));
  }

  /**
   * A new ticket, made through the sandbox's API, for a customer without a prepaid block, so a bill on it
   * makes one line and one invoice; each scenario gets its own and the seed data is not used up.
   */
  SandboxTicket newBillableTicket(String subject) throws IOException, InterruptedException {
    var s = sandbox.state();
    long customer = s.customers().stream()
        .filter(c -> s.prepayHours(c.id()).map(h -> h.signum() == 0).orElse(true))
        .mapToLong(c -> c.id()).min().orElseThrow();
    Map.Entry<Long, String> tech = sandbox.seedTokens().entrySet().iterator().next();
    String body = "{\"customer_id\":" + customer + ",\"subject\":\"" + subject + "\",\"problem_type\":\"Other\"}";
    var response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest
            .newBuilder(java.net.URI.create(sandbox.baseUrl() + "/tickets?api_key=" + tech.getValue()))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("sandbox refused the ticket: " + response.statusCode() + " " + response.body());
    }
    return sandbox.state().tickets().stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
  }

  SimMessage await(Predicate<SimMessage> match) throws InterruptedException {
    return sim.awaitMessage(SlackSimulator.SUPPORT, match, WAIT)
        .or(() -> sim.messages(SlackSimulator.SUPPORT).stream().filter(match).findFirst())
        .orElseThrow(() -> new AssertionError("no such message; messages: " + sim.messages(SlackSimulator.SUPPORT)));
  }

  /** The text of the message with {@code ts} once it contains {@code expected}, or as it is after 10 s. */
  String awaitText(String ts, String expected) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String text = text(ts);
    while (!text.contains(expected) && System.nanoTime() < end) {
      Thread.sleep(50);
      text = text(ts);
    }
    return text;
  }

  /** The current text of the message with {@code ts}. */
  String text(String ts) {
    return sim.messages(SlackSimulator.SUPPORT).stream().filter(m -> m.ts().equals(ts)).map(SimMessage::allText)
        .findFirst().orElse("");
  }

  /** The state of the only plan in the store, once it is one of {@code states} (polled). */
  String awaitPlanState(long ticketNumber, Duration timeout, String... states) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < end) {
      last = planState(ticketNumber);
      if (List.of(states).contains(last)) {
        return last;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("plan state " + last + ", expected one of " + List.of(states));
  }

  /** Reads the plan's state straight from the store (SQLite in WAL mode is readable while the bot writes). */
  String planState(long ticketNumber) {
    return query("select state from plans where ticket_number = " + ticketNumber);
  }

  /** How many times the ticket's plan has gone WAITING (each failed attempt while Syncro is away). */
  int waitCount(long ticketNumber) {
    String n = query("select wait_count from plans where ticket_number = " + ticketNumber);
    return n.isEmpty() ? 0 : Integer.parseInt(n);
  }

  String stepState(long ticketNumber, int idx) {
    return query("select s.state from plan_steps s join plans p on p.id = s.plan_id where p.ticket_number = "
        + ticketNumber + " and s.idx = " + idx);
  }

  /** Milliseconds from when step {@code idx} of the ticket's plan was last sent to when it was called absent. */
  long absentAfter(long ticketNumber, int idx) {
    String absent = query("select x.finished_at - x.sent_at from plan_step_attempts x join plans p on p.id = x.plan_id"
        + " where p.ticket_number = " + ticketNumber + " and x.idx = " + idx + " and x.state = 'ABSENT'"
        + " order by x.attempt desc limit 1");
    if (absent.isEmpty()) {
      absent = query("select s.finished_at - s.sent_at from plan_steps s join plans p on p.id = s.plan_id"
          + " where p.ticket_number = " + ticketNumber + " and s.idx = " + idx + " and s.state = 'ABSENT'");
    }
    return absent.isEmpty() ? -1 : Long.parseLong(absent);
  }

  /** Polls until step {@code idx} of the ticket's plan is in {@code state}. */
  void awaitStep(long ticketNumber, int idx, String state) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!state.equals(stepState(ticketNumber, idx))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("step " + idx + " is " + stepState(ticketNumber, idx) + ", not " + state);
      }
      Thread.sleep(5);
    }
  }

  /** The first column of the first row of {@code sql} on the bot's store, as text; empty when none. */
  String query(String sql) {
    try (var c = java.sql.DriverManager.getConnection(dbUrl());
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    } catch (java.sql.SQLException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stopBot();
    botRig.close();
  }
}
