package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.response.Response;
import com.syncrobot.slack.ClickAck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class HttpTransportTest {
  private static final Readiness READY = new Readiness().add("store", Readiness.store(() -> true)).started();

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(HttpTransport t, String path) {
    return URI.create("http://127.0.0.1:" + t.port() + path);
  }

  @Test
  void storeDown_healthzStill200AliveAndReadyz503NamingTheStore() throws Exception {
    AtomicBoolean healthy = new AtomicBoolean(true);
    Readiness readiness = new Readiness().add("store", Readiness.store(healthy::get)).started();
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), readiness)) {
      assertThat(t.port()).isPositive();
      assertThat(send(HttpRequest.newBuilder(uri(t, "/readyz"))).body())
          .isEqualTo("{\"status\":\"ready\",\"parts\":{\"store\":{\"up\":true}}}");
      healthy.set(false);
      HttpResponse<String> down = send(HttpRequest.newBuilder(uri(t, "/readyz")));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"unavailable\",\"parts\":{\"store\":{\"up\":false,"
          + "\"reason\":\"the database does not answer\"}}}");
      // Alive: the process serves, whatever its parts say.
      HttpResponse<String> alive = send(HttpRequest.newBuilder(uri(t, "/healthz")));
      assertThat(alive.statusCode()).isEqualTo(200);
      assertThat(alive.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void readyz_checkThrows_503NamingThePartWithoutTheMessage() throws Exception {
    Readiness readiness = new Readiness().add("store", () -> {
      throw new IllegalStateException("jdbc:postgresql://db/bot?password=hunter2 gone");
    }).started();
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), readiness)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/readyz")));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("\"store\":{\"up\":false,\"reason\":\"its check failed (IllegalStateException)\"")
          .doesNotContain("hunter2").doesNotContain("postgresql");
    }
  }

  @Test
  void readyz_beforeTheStartFinished_503Starting() throws Exception {
    Readiness readiness = new Readiness().add("store", Readiness.store(() -> true));
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), readiness)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/readyz")));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).startsWith("{\"status\":\"starting\"");
      assertThat(send(HttpRequest.newBuilder(uri(t, "/healthz"))).statusCode()).isEqualTo(200);
      readiness.started();
      assertThat(send(HttpRequest.newBuilder(uri(t, "/readyz"))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void healthOnly_slackEvents_404AndPostToHealthz_405() throws Exception {
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), READY)) {
      // In Socket Mode Slack's requests arrive over the WebSocket; the HTTP path must not answer them.
      assertThat(send(HttpRequest.newBuilder(uri(t, "/slack/events")).POST(HttpRequest.BodyPublishers.ofString("x")))
          .statusCode()).isEqualTo(404);
      assertThat(send(HttpRequest.newBuilder(uri(t, "/healthz")).POST(HttpRequest.BodyPublishers.ofString("")))
          .statusCode()).isEqualTo(405);
      assertThat(send(HttpRequest.newBuilder(uri(t, "/readyz")).POST(HttpRequest.BodyPublishers.ofString("")))
          .statusCode()).isEqualTo(405);
      assertThat(send(HttpRequest.newBuilder(uri(t, "/elsewhere"))).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void events_handlerThrows_500WithoutDetails() throws Exception {
    // No middleware at all: this test is about the transport, not about signatures.
    App app = new App(AppConfig.builder().build(), new ArrayList<>());
    app.command("/boom", (req, ctx) -> {
      throw new IllegalStateException("secret xoxb-123-456 api_key=abc");
    });
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, null, READY,
        HttpTransport.Limits.STANDARD)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/slack/events"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("command=%2Fboom&text=&user_id=U1&team_id=T1")));
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("{\"error\":\"internal error\"}");
    }
  }

  @Test
  void events_handlerAnswers_statusHeadersAndUtf8BodyAreWritten() throws Exception {
    App app = new App(AppConfig.builder().build(), new ArrayList<>());
    app.command("/hi", (req, ctx) -> ctx.ack("Grüße 👋 " + req.getPayload().getText()));
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, null, READY,
        HttpTransport.Limits.STANDARD)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/slack/events"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("command=%2Fhi&text=%C3%A4&user_id=U1&team_id=T1")));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
      assertThat(r.body()).contains("Grüße 👋 ä");
    }
  }

  @Test
  void events_bodyOverOneMebibyte_413() throws Exception {
    App app = new App(AppConfig.builder().build(), new ArrayList<>());
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, null, READY,
        HttpTransport.Limits.STANDARD)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/slack/events"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpTransport.MAX_BODY_BYTES + 1])));
      assertThat(r.statusCode()).isEqualTo(413);
    }
  }

  /** A bot app whose only middleware is Bolt's signature check, answering {@code /syncro} with the asker's id. */
  private static App signedApp(String secret) {
    App app = new App(AppConfig.builder().signingSecret(secret).build(),
        List.of(new RequestVerification(new SlackSignature.Verifier(new SlackSignature.Generator(secret)))));
    app.command("/syncro", (req, ctx) -> ctx.ack("hello " + req.getPayload().getUserId()));
    return app;
  }

  @Test
  void slowAndSilentClients_200Connections_healthzAndSignedCommandsKeepAnswering() throws Exception {
    String secret = "transport-test-secret-91c4";
    byte[] slowRequest = ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        + SignedRequests.FORM + "\r\n").getBytes(StandardCharsets.US_ASCII);
    List<Socket> silent = new ArrayList<>();
    List<Socket> slow = new ArrayList<>();
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), signedApp(secret), null,
        READY, HttpTransport.Limits.STANDARD)) {
      for (int i = 0; i < 100; i++) {
        silent.add(connect(t));
        slow.add(connect(t));
      }
      SignedRequests bot = new SignedRequests(t.port(), secret);
      // Three rounds, each a byte more of every slow header (a byte a second), then the real traffic.
      for (int round = 0; round < 3; round++) {
        for (Socket s : slow) {
          trickle(s, slowRequest[round]);
        }
        assertThat(bot.get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> command = bot.post(SignedRequests.command("U0ALICE", "help", "http://127.0.0.1:9/r"),
            SignedRequests.FORM);
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body()).contains("hello U0ALICE");
        Thread.sleep(1_000);
      }
      byte[] body = SignedRequests.command("U0ALICE", "help", "http://127.0.0.1:9/r").getBytes(StandardCharsets.UTF_8);
      assertThat(bot.post(body, SignedRequests.FORM, Long.toString(java.time.Instant.now().getEpochSecond()),
          "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
    } finally {
      for (Socket s : silent) {
        s.close();
      }
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void requestStillArrivingAfterTheReadLimit_andSilentConnection_areClosed() throws Exception {
    HttpTransport.Limits limits = new HttpTransport.Limits(Duration.ofMillis(600), Duration.ofMillis(600), 32,
        Duration.ofSeconds(1), 96);
    byte[] request = ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Padding: " + "a".repeat(200))
        .getBytes(StandardCharsets.US_ASCII);
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), signedApp("s"), null, READY,
        limits); Socket slow = connect(t); Socket silent = connect(t)) {
      // A byte every 100 ms keeps the idle timeout from firing; only the read limit stops it.
      boolean cut = false;
      for (int i = 0; i < request.length && !cut; i++) {
        cut = !send(slow, request[i]);
        Thread.sleep(100);
      }
      assertThat(cut).as("the server closed the slow request's connection").isTrue();
      assertThat(closedByServer(silent)).isTrue();
    }
  }

  /** A Bolt app whose {@code /hold} command acks "held" once {@code release} opens; {@code entered} counts it in. */
  private static App holdingApp(String secret, CountDownLatch entered, CountDownLatch release) {
    App app = signedApp(secret);
    app.command("/hold", (req, ctx) -> {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ctx.ack("held");
    });
    return app;
  }

  private static HttpTransport.Limits oneAtATime(Duration turnWait, int waiting) {
    return new HttpTransport.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 1, turnWait, waiting);
  }

  private static String hold() {
    return SignedRequests.command("U0ALICE", "", "http://127.0.0.1:9/r").replace("%2Fsyncro", "%2Fhold");
  }

  /** A transport with one turn and room for four to wait, the turn taken by a {@code /hold} until {@link #release}. */
  private static final class TurnTaken implements AutoCloseable {
    final CountDownLatch release = new CountDownLatch(1);
    final HttpTransport transport;
    final SignedRequests bot;
    final CompletableFuture<HttpResponse<String>> first;

    TurnTaken(String secret, Duration turnWait) throws Exception {
      CountDownLatch entered = new CountDownLatch(1);
      transport = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), holdingApp(secret, entered, release),
          null, READY, oneAtATime(turnWait, 4));
      bot = new SignedRequests(transport.port(), secret);
      first = CompletableFuture.supplyAsync(() -> bot.post(hold(), SignedRequests.FORM));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() {
      transport.close();
    }
  }

  @Test
  void everyHandlerBusy_nextRequestWaitsItsTurn_andIsAnsweredWhenTheBusyOneFinishes() throws Exception {
    try (TurnTaken t = new TurnTaken("transport-test-secret-turn", Duration.ofSeconds(10))) {
      CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> t.bot.get("/healthz"));
      Thread.sleep(300);
      assertThat(second).as("waits while the only turn is taken").isNotDone();
      t.release.countDown();
      assertThat(t.first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      HttpResponse<String> served = second.get(10, TimeUnit.SECONDS);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void everyHandlerBusyLongerThanTheWait_nextRequestIs503WithRetryAfter_andTheBusyOneStillAnswers()
      throws Exception {
    try (TurnTaken t = new TurnTaken("transport-test-secret-503", Duration.ofMillis(400))) {
      long asked = System.nanoTime();
      HttpResponse<String> busy = t.bot.get("/healthz");
      long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(waitedMs).as("refused only after waiting its turn").isGreaterThanOrEqualTo(400);
      t.release.countDown();
      assertThat(t.first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      // The refused request left no turn taken behind it.
      assertThat(t.bot.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(t.bot.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void everyHandlerBusyAndTheWaitFull_nextRequestIs503AtOnce() throws Exception {
    String secret = "transport-test-secret-full";
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0),
        holdingApp(secret, entered, release), null, READY, oneAtATime(Duration.ofSeconds(30), 1))) {
      SignedRequests bot = new SignedRequests(t.port(), secret);
      CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
          () -> bot.post(hold(), SignedRequests.FORM));
      CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
          () -> bot.post(hold(), SignedRequests.FORM));
      // One holds the turn; the other waits for it (it counted in only once it had the turn).
      Thread.sleep(500);
      assertThat(entered.getCount()).isEqualTo(1);
      long asked = System.nanoTime();
      HttpResponse<String> busy = bot.get("/healthz");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).as("refused without waiting")
          .isLessThan(5_000);
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(entered.getCount()).isZero();
    }
  }

  /** A signed app whose {@code hold_click} button handler waits for {@code release}, counting {@code handled}. */
  private static App clickApp(String secret, CountDownLatch release, AtomicInteger handled) {
    App app = signedApp(secret);
    app.blockAction("hold_click", (req, ctx) -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      handled.incrementAndGet();
      return ctx.ack();
    });
    return app;
  }

  @Test
  void signedClick_answered200BeforeItsHandlerFinishes_thenHandledOnce() throws Exception {
    String secret = "transport-test-secret-click";
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    ClickAck clicks = new ClickAck(secret, Clock.systemUTC(), () -> false);
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0),
        clickApp(secret, release, handled), clicks, READY, HttpTransport.Limits.STANDARD)) {
      SignedRequests bot = new SignedRequests(t.port(), secret);
      HttpResponse<String> answer = bot.post(SignedRequests.click("U0ALICE", "hold_click", "1700000000.1"),
          SignedRequests.FORM);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEmpty();
      assertThat(handled).as("answered while its handler still waits").hasValue(0);
      release.countDown();
      await(() -> handled.get() == 1);
    }
  }

  @Test
  void answeredClicks_handledOnClickThreadsAtTheLowestPriority_whileTheAnsweringThreadsServeOn() throws Exception {
    String secret = "transport-test-secret-click-thread";
    CountDownLatch release = new CountDownLatch(1);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    App app = signedApp(secret);
    app.blockAction("hold_click", (req, ctx) -> {
      Thread me = Thread.currentThread();
      threads.add(me.getName() + "@" + me.getPriority());
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ctx.ack();
    });
    ClickAck clicks = new ClickAck(secret, Clock.systemUTC(), () -> false);
    // One turn, no waiting room: a handling that held its answering thread's turn would refuse what follows.
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, clicks, READY,
        oneAtATime(Duration.ofSeconds(30), 0))) {
      SignedRequests bot = new SignedRequests(t.port(), secret);
      for (int i = 0; i < 3; i++) {
        assertThat(bot.post(SignedRequests.click("U0ALICE", "hold_click", "1700000001." + i), SignedRequests.FORM)
            .statusCode()).isEqualTo(200);
      }
      assertThat(bot.get("/healthz").statusCode()).as("served while three clicks are being handled").isEqualTo(200);
      await(() -> threads.size() == 3);
      assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("slack-click-")
          .endsWith("@" + Thread.MIN_PRIORITY));
      release.countDown();
    }
  }

  @Test
  void close_waitsForTheAnsweredClicksStillBeingHandled() throws Exception {
    String secret = "transport-test-secret-click-close";
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    App app = signedApp(secret);
    app.blockAction("hold_click", (req, ctx) -> {
      started.countDown();
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ctx.ack();
      }
      handled.incrementAndGet();
      return ctx.ack();
    });
    ClickAck clicks = new ClickAck(secret, Clock.systemUTC(), () -> false);
    HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, clicks, READY,
        HttpTransport.Limits.STANDARD);
    try {
      assertThat(new SignedRequests(t.port(), secret)
          .post(SignedRequests.click("U0ALICE", "hold_click", "1700000002.1"), SignedRequests.FORM).statusCode())
          .isEqualTo(200);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      t.close();
    }
    assertThat(handled).as("handled to its end before close returned").hasValue(1);
  }

  @Test
  void clickWithABadSignature_401AndNeverHandled() throws Exception {
    String secret = "transport-test-secret-click-401";
    CountDownLatch release = new CountDownLatch(0);
    AtomicInteger handled = new AtomicInteger();
    ClickAck clicks = new ClickAck(secret, Clock.systemUTC(), () -> false);
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0),
        clickApp(secret, release, handled), clicks, READY, HttpTransport.Limits.STANDARD)) {
      SignedRequests forger = new SignedRequests(t.port(), "not-the-secret");
      HttpResponse<String> answer = forger.post(SignedRequests.click("U0ALICE", "hold_click", "1700000000.2"),
          SignedRequests.FORM);
      assertThat(answer.statusCode()).isEqualTo(401);
      Thread.sleep(200);
      assertThat(handled).hasValue(0);
    }
  }

  @Test
  void clickWhileStopping_goesThroughBolt_whichAnswersForItself() throws Exception {
    String secret = "transport-test-secret-click-stop";
    AtomicInteger handled = new AtomicInteger();
    // Stands in for the bot's restart check: Bolt answers the click itself, here 503.
    App app = new App(AppConfig.builder().signingSecret(secret).build(), List.of(
        new RequestVerification(new SlackSignature.Verifier(new SlackSignature.Generator(secret))),
        (req, resp, chain) -> Response.builder().statusCode(503).body("restarting").build()));
    app.blockAction("hold_click", (req, ctx) -> {
      handled.incrementAndGet();
      return ctx.ack();
    });
    ClickAck clicks = new ClickAck(secret, Clock.systemUTC(), () -> true);
    try (HttpTransport t = HttpTransport.start(new InetSocketAddress("127.0.0.1", 0), app, clicks, READY,
        HttpTransport.Limits.STANDARD)) {
      HttpResponse<String> answer = new SignedRequests(t.port(), secret)
          .post(SignedRequests.click("U0ALICE", "hold_click", "1700000000.3"), SignedRequests.FORM);
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(handled).hasValue(0);
    }
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(done.getAsBoolean()).isTrue();
  }

  /** Sends one byte; false when the server has closed the connection. */
  private static boolean send(Socket s, byte b) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
      return !closedNow(s);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the server has closed {@code s}: a read that sees end of stream (or a reset) within 50 ms. */
  private static boolean closedNow(Socket s) throws IOException {
    int timeout = s.getSoTimeout();
    s.setSoTimeout(50);
    try {
      return s.getInputStream().read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      s.setSoTimeout(timeout);
    }
  }

  /** Waits (bounded, 10 s) for the server to close {@code s}; true when it did. */
  private static boolean closedByServer(Socket s) throws IOException {
    s.setSoTimeout(10_000);
    try {
      return s.getInputStream().read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static Socket connect(HttpTransport t) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), t.port());
    s.setSoTimeout(1_000);
    return s;
  }

  /** Sends one more byte; a server that already closed the connection is fine. */
  private static void trickle(Socket s, byte b) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
    } catch (IOException e) {
      // closed by the server: what a slow client should expect
    }
  }
}
