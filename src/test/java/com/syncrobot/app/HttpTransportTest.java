package com.syncrobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class HttpTransportTest {
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(HttpTransport t, String path) {
    return URI.create("http://127.0.0.1:" + t.port() + path);
  }

  @Test
  void healthz_storeDown_503WithStoreDown() throws Exception {
    AtomicBoolean healthy = new AtomicBoolean(true);
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), healthy::get)) {
      assertThat(t.port()).isPositive();
      assertThat(send(HttpRequest.newBuilder(uri(t, "/healthz"))).statusCode()).isEqualTo(200);
      healthy.set(false);
      HttpResponse<String> down = send(HttpRequest.newBuilder(uri(t, "/healthz")));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"unavailable\",\"store\":\"down\"}");
    }
  }

  @Test
  void healthz_storeCheckThrows_503() throws Exception {
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), () -> {
      throw new IllegalStateException("db gone");
    })) {
      assertThat(send(HttpRequest.newBuilder(uri(t, "/healthz"))).statusCode()).isEqualTo(503);
    }
  }

  @Test
  void healthOnly_slackEvents_404AndPostToHealthz_405() throws Exception {
    try (HttpTransport t = HttpTransport.serveHealthOnly(new InetSocketAddress("127.0.0.1", 0), () -> true)) {
      // In Socket Mode Slack's requests arrive over the WebSocket; the HTTP path must not answer them.
      assertThat(send(HttpRequest.newBuilder(uri(t, "/slack/events")).POST(HttpRequest.BodyPublishers.ofString("x")))
          .statusCode()).isEqualTo(404);
      assertThat(send(HttpRequest.newBuilder(uri(t, "/healthz")).POST(HttpRequest.BodyPublishers.ofString("")))
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
    try (HttpTransport t = HttpTransport.serveSlack(new InetSocketAddress("127.0.0.1", 0), app, () -> true)) {
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
    try (HttpTransport t = HttpTransport.serveSlack(new InetSocketAddress("127.0.0.1", 0), app, () -> true)) {
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
    try (HttpTransport t = HttpTransport.serveSlack(new InetSocketAddress("127.0.0.1", 0), app, () -> true)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(uri(t, "/slack/events"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpTransport.MAX_BODY_BYTES + 1])));
      assertThat(r.statusCode()).isEqualTo(413);
    }
  }
}
