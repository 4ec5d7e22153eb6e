package com.syncrobot.syncro.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.RequestBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The end of the chain against WireMock: one send per attempt, bodies read as far as the status needs. */
@WireMockTest
final class CallSyncroInterceptorTest {
  private final ConnectionPool pool = new ConnectionPool(8, 20, TimeUnit.SECONDS);
  private final OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool)
      .retryOnConnectionFailure(false).build();
  private final CallSyncroInterceptor send = new CallSyncroInterceptor(client, Metrics.NONE);
  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
  }

  private SyncroAnswer send(boolean write) throws IOException {
    Request.Builder b = new Request.Builder().url(wm.getHttpBaseUrl() + "/x");
    Request request = write
        ? b.post(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"))).build()
        : b.get().build();
    SyncroCall call = new SyncroCall(request, ScriptedChain.TOKEN, RequestBudget.Priority.INTERACTIVE, "/x", write);
    return SyncroInterceptor.run(List.of(send), call);
  }

  @Test
  void ok_readsTheWholeBody_onceSent() throws IOException {
    stubFor(get(urlPathEqualTo("/x")).willReturn(okJson("{\"id\": 5}")));

    SyncroAnswer answer = send(false);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 5}");
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    verify(1, getRequestedFor(urlPathEqualTo("/x")));
  }

  @Test
  void refusal_readsItsMessage_upTo64KiB() throws IOException {
    stubFor(post(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(422).withBody("y".repeat(65_536))));
    assertThat(send(true).body()).hasSize(CallSyncroInterceptor.MAX_ERROR_BYTES);

    stubFor(post(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(422).withBody("y".repeat(65_537))));
    assertThat(send(true).body()).isNull();
  }

  @Test
  void rateLimitServerErrorAndRedirect_bodiesAreNotRead() throws IOException {
    for (int status : new int[] {429, 500, 302}) {
      stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(status).withBody("ignored")));

      SyncroAnswer answer = send(false);

      assertThat(answer.status()).isEqualTo(status);
      assertThat(answer.body()).isEmpty();
    }
  }

  @Test
  void connectionBroken_isAnIOException_afterOneSend() {
    stubFor(post(urlPathEqualTo("/x")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> send(true)).isInstanceOf(IOException.class);
    verify(1, postRequestedFor(urlPathEqualTo("/x")));
  }
}
