package com.syncrobot.app;

import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.playground.sandbox.WriteFault;
import com.syncrobot.playground.sandbox.model.SandboxCustomer;
import com.syncrobot.playground.sandbox.model.SandboxInvoice;
import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.BotAck;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.store.Database;
import com.syncrobot.testkit.BotRig;
import com.syncrobot.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} through the real bot's HTTP port (issue 18, item 1): with {@code SYNCRO_BOT_METRICS=true}
 * a ticket read and a bill confirmed to the end show up as Syncro requests by method, path template and status,
 * budget waits, Slack acks by kind, queue gauges, plans by state and outcome; and nothing a person wrote, no
 * secret, customer, ticket subject or id is in it. Off, {@code /metrics} is an unknown path.
 */
final class MetricsFlowTest {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String SUBJECT = "Quokka printer jams on floor nine";
  static final String WORK = "Cleared the quokka tray and reseated the fuser";

  @TempDir
  Path dir;

  BotRig rig;

  @AfterEach
  void tearDown() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void metricsOn_aBillConfirmedToTheEnd_showsItsRequestsAcksAndPlans_withoutSecretsNamesOrIds() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).env(BotConfig.METRICS, "true").start(dir);
    rig.startBot();
    SandboxTicket ticket = newBillableTicket();

    BotAck read = rig.sim.runSlashCommand(ALICE, SUPPORT, "/syncro ticket " + ticket.number());
    assertThat(read.ok()).as(read.body()).isTrue();
    assertThat(rig.sim.awaitMessage(SUPPORT, m -> m.fromBot() && m.allText().contains(SUBJECT), WAIT))
        .as("the ticket's answer").isPresent();
    // Bob's token was revoked at Syncro: his command meets a 401
    rig.reconnect(BOB, rig.techOf.get(BOB), Fixtures.SECRET_SYNCRO_TOKEN);
    BotAck refused = rig.sim.runSlashCommand(BOB, SUPPORT, "/syncro ticket " + ticket.number());
    assertThat(refused.ok()).as(refused.body()).isTrue();
    assertThat(rig.sim.awaitMessage(SUPPORT, m -> m.fromBot() && BOB.equals(m.ephemeralTo())
        && m.allText().contains("connect"), WAIT)).as("Bob told to reconnect").isPresent();
    SimMessage preview = billPreview(ticket.number());
    // the first write lands at Syncro but its answer is a 500: its outcome is unknown until the bot reads it back
    rig.sandbox.faults().nextWrite(WriteFault.SERVER_ERROR_AFTER_COMMIT);
    BotAck confirm = rig.sim.clickButton(ALICE, preview, "Confirm");
    assertThat(confirm.ok()).as(confirm.body()).isTrue();
    assertThat(awaitPlanState("DONE")).isEqualTo("DONE");

    // the engine counts the outcome right after the store records it
    HttpResponse<String> metrics = get("/metrics");
    long end = System.nanoTime() + WAIT.toNanos();
    while (!metrics.body().contains("syncro_bot_plan_outcomes_total{outcome=\"done\"} 1") && System.nanoTime() < end) {
      Thread.sleep(50);
      metrics = get("/metrics");
    }

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String body = metrics.body();
    // Syncro requests by method, path template (never an id or a query) and status, with histogram buckets
    assertThat(series(body, "syncro_bot_syncro_requests_seconds_count"))
        .contains("method=\"GET\",path=\"/tickets/{id}\",status=\"200\"",
            "method=\"POST\",path=\"/tickets/{id}/add_line_item\",status=\"200\"");
    assertThat(body).contains(
        "syncro_bot_syncro_requests_seconds_bucket{method=\"GET\",path=\"/tickets/{id}\",status=\"200\",le=\"0.1\"}");
    assertThat(series(body, "syncro_bot_syncro_requests_seconds_count"))
        .contains("method=\"GET\",path=\"/tickets\",status=\"401\"");
    assertThat(sample(body, "syncro_bot_syncro_token_refusals_total", "status=\"401\"")).isEqualTo(1.0);
    assertThat(series(body, "syncro_bot_budget_wait_seconds_count")).contains("priority=\"interactive\"");
    assertThat(series(body, "syncro_bot_slack_ack_seconds_count"))
        .contains("kind=\"command\"", "kind=\"view_submission\"", "kind=\"action\"");
    assertThat(series(body, "syncro_bot_work_queue_held")).contains("queue=\"work\"", "queue=\"slow\"");
    assertThat(series(body, "syncro_bot_work_queue_waiting")).contains("queue=\"work\"", "queue=\"slow\"");
    assertThat(sample(body, "syncro_bot_plans", "state=\"done\"")).isEqualTo(1.0);
    assertThat(sample(body, "syncro_bot_plans", "state=\"executing\"")).isEqualTo(0.0);
    assertThat(sample(body, "syncro_bot_plan_outcomes_total", "outcome=\"done\"")).isEqualTo(1.0);
    assertThat(series(body, "syncro_bot_syncro_requests_seconds_count")).anyMatch(l -> l.contains("status=\"500\""));
    assertThat(body).contains("syncro_bot_unknown_outcomes_total 1");
    assertThat(sample(body, "syncro_bot_unknown_outcomes_resolved_total", "resolution=\"found\"")).isEqualTo(1.0);

    // nothing secret or personal, anywhere in the body
    SandboxState state = rig.sandbox.state();
    SandboxCustomer customer = state.customer(ticket.customerId()).orElseThrow();
    List<String> never = new ArrayList<>(List.of(Fixtures.BOT_TOKEN, Fixtures.SIGNING_SECRET, SUBJECT, WORK,
        "quokka", "Quokka", customer.firstname(), customer.lastname(), customer.email(), ALICE, BOB, "Alice Nguyen",
        "Bob Martinez",
        Fixtures.SECRET_SYNCRO_TOKEN, "SECRET", "api_key"));
    if (customer.businessName() != null) {
      never.add(customer.businessName());
    }
    never.addAll(rig.sandbox.seedTokens().values());
    assertThat(body).doesNotContain(never);
    // and no id or number of the records the requests named, in any label or as a value of its own
    List<Long> ids = new ArrayList<>(List.of(ticket.id(), ticket.number(), customer.id()));
    for (SandboxInvoice invoice : state.invoicesOf(ticket.id())) {
      ids.add(invoice.id());
      ids.add(Long.parseLong(invoice.number().replaceAll("\\D", "")));
    }
    state.lineItemsOf(ticket.id()).forEach(l -> ids.add(l.id()));
    assertThat(state.invoicesOf(ticket.id())).as("the bill made its invoice").hasSize(1);
    for (String line : body.lines().toList()) {
      int open = line.indexOf('{');
      String labels = open < 0 ? "" : line.substring(open, line.lastIndexOf('}') + 1);
      for (long id : ids) {
        assertThat(Pattern.compile("(?<![\\w.])" + id + "(?![\\w.])").matcher(labels).find())
            .as("id %s in the labels of: %s", id, line).isFalse();
      }
      if (line.startsWith("syncro_bot_")) {
        assertThat(labels).as("labels of %s", line)
            .matches("|\\{(\\w+=\"([a-z_{}/]*|GET|POST|PUT|PATCH|DELETE|OTHER|\\d{3}|[0-9.+Inf]+)\",?)*}");
      }
    }
  }

  @Test
  void metricsOff_metricsIsAnUnknownPath() throws Exception {
    rig = BotRig.builder().requestsPerMinute(6000).start(dir);
    rig.startBot();

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(404);
    assertThat(metrics.body()).isEqualTo("{\"error\":\"not found\"}");
    assertThat(get(HttpTransport.HEALTH_PATH).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsVariable_trueOrFalse_anythingElseRefusedNamingIt() {
    assertThat(BotConfig.fromEnv(Map.of()).metrics()).isFalse();
    assertThat(BotConfig.fromEnv(Map.of(BotConfig.METRICS, "TRUE")).metrics()).isTrue();
    assertThat(BotConfig.fromEnv(Map.of(BotConfig.METRICS, "false")).metrics()).isFalse();
    assertThatThrownBy(() -> BotConfig.fromEnv(Map.of(BotConfig.METRICS, "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SYNCRO_BOT_METRICS must be true or false, got 'yes'");
  }

  /** The label sets of every sample named {@code name}. */
  private static List<String> series(String body, String name) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} \\S+$").matcher(body);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The value of the sample {@code name} whose labels contain {@code label}. */
  private static double sample(String body, String name, String label) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{.*" + Pattern.quote(label) + ".*} (\\S+)$")
        .matcher(body);
    if (!m.find()) {
      throw new AssertionError("no " + name + " with " + label + " in:\n" + body);
    }
    return Double.parseDouble(m.group(1));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.botPort + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A new ticket with {@link #SUBJECT} for a customer without a prepaid block: its bill makes one invoice. */
  private SandboxTicket newBillableTicket() throws IOException, InterruptedException {
    SandboxState s = rig.sandbox.state();
    long customer = s.customers().stream()
        .filter(c -> s.prepayHours(c.id()).map(h -> h.signum() == 0).orElse(true))
        .mapToLong(SandboxCustomer::id).min().orElseThrow();
    String token = rig.sandbox.seedTokens().values().iterator().next();
    String json = "{\"customer_id\":" + customer + ",\"subject\":\"" + SUBJECT + "\",\"problem_type\":\"Other\"}";
    HttpResponse<String> made = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(rig.sandbox.baseUrl() + "/tickets?api_key=" + token))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    return rig.sandbox.state().tickets().stream().filter(t -> t.subject().equals(SUBJECT)).findFirst().orElseThrow();
  }

  /** Runs {@code /syncro bill N}, answers the form with 45 remote minutes of {@link #WORK}; returns the preview. */
  private SimMessage billPreview(long number) throws InterruptedException {
    BotAck ack = rig.sim.runSlashCommand(ALICE, SUPPORT, "/syncro bill " + number);
    assertThat(ack.ok()).as(ack.body()).isTrue();
    assertThat(rig.sim.awaitModal(ALICE, m -> m.view().toString().contains("\"block_id\":\"minutes\""), WAIT))
        .as("the bill form").isPresent();
    BotAck submitted = rig.sim.submitModal(ALICE, Map.of("minutes", "45", "labour", "remote", "work", WORK));
    assertThat(submitted.ok()).as(submitted.body()).isTrue();
    return rig.sim.awaitMessage(SUPPORT, m -> m.buttons().contains("Confirm") && m.allText().contains(WORK), WAIT)
        .orElseThrow(() -> new AssertionError("no preview"));
  }

  /** The state of the only plan once it is {@code wanted}, or as it is after {@link #WAIT}. */
  private String awaitPlanState(String wanted) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    String last = "";
    try (Database db = Database.open(rig.dbUrl())) {
      while (System.nanoTime() < end) {
        last = db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM plans").mapTo(String.class).one());
        if (last.equals(wanted)) {
          return last;
        }
        Thread.sleep(50);
      }
    }
    return last;
  }
}
