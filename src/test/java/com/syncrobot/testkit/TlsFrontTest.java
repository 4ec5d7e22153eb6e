package com.syncrobot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.playground.sandbox.SyncroSandbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench's HTTPS front of the sandbox: the test certificate, and the set-up latency charged once per connection. */
final class TlsFrontTest {
  private static final Duration SETUP = Duration.ofMillis(30);
  private SyncroSandbox sandbox;
  private TlsFront front;
  private String token;

  @BeforeEach
  void setUp() throws IOException {
    sandbox = SyncroSandbox.start("127.0.0.1", 0, Clock.systemUTC());
    front = TlsFront.start(sandbox.address(), SETUP);
    token = sandbox.seedTokens().values().iterator().next();
  }

  @AfterEach
  void tearDown() {
    front.close();
    sandbox.stop();
  }

  private static OkHttpClient trusting() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(TlsFront.clientContext().getSocketFactory(), TlsFront.trustManager())
        .connectionPool(new ConnectionPool(4, 20, TimeUnit.SECONDS))
        .build();
  }

  private int get(OkHttpClient client) throws IOException {
    String url = front.rewrite(sandbox.baseUrl()) + "/me?api_key=" + token;
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void aClientTrustingTheTestCertificate_getsTheSandboxsAnswers_overHttps() throws IOException {
    assertThat(front.rewrite(sandbox.baseUrl())).startsWith("https://127.0.0.1:").endsWith("/api/v1");

    assertThat(get(trusting())).isEqualTo(200);
    assertThat(sandbox.requestLog().entries()).hasSize(1);
  }

  @Test
  void eachNewConnection_isChargedTheSetUpOnce_aReusedOneIsNot() throws IOException {
    OkHttpClient one = trusting();
    get(one);
    get(one);
    get(one);
    assertThat(front.setups()).isEqualTo(1);

    get(trusting());

    assertThat(front.setups()).isEqualTo(2);
    assertThat(front.setupCharged()).isEqualTo(SETUP.multipliedBy(2));
    assertThat(sandbox.requestLog().entries()).hasSize(4);
  }

  @Test
  void aClientThatDoesNotTrustIt_isRefusedInTheHandshake() {
    assertThatThrownBy(() -> get(new OkHttpClient())).isInstanceOf(SSLException.class);
    assertThat(sandbox.requestLog().entries()).isEmpty();
  }
}
