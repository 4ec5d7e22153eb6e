package com.syncrobot.syncro.http;

import static com.syncrobot.syncro.http.ScriptedChain.TOKEN;
import static com.syncrobot.syncro.http.ScriptedChain.TOKEN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

final class RequestRedactionTest {
  private final RequestRedaction redaction = new RequestRedaction(HttpUrl.get("https://acme.syncromsp.com/api/v1/"));

  @Test
  void path_leavesOutTheBaseAndTheKey_keepsTheRestOfTheQuery() {
    HttpUrl url = HttpUrl.get("https://acme.syncromsp.com/api/v1/tickets?api_key=" + TOKEN_VALUE
        + "&status=Not%20Closed&page=2");

    assertThat(redaction.path(url, TOKEN)).isEqualTo("/tickets?status=Not%20Closed&page=2");
  }

  @Test
  void path_masksTheTokenWhereverItAppears() {
    HttpUrl url = HttpUrl.get("https://acme.syncromsp.com/api/v1/customers?api_key=" + TOKEN_VALUE
        + "&query=" + TOKEN_VALUE);

    assertThat(redaction.path(url, TOKEN)).isEqualTo("/customers?query=***");
  }

  @Test
  void path_underABaseWithoutAPath_isTheWholePath() {
    RequestRedaction atRoot = new RequestRedaction(HttpUrl.get("http://127.0.0.1:8080"));

    assertThat(atRoot.path(HttpUrl.get("http://127.0.0.1:8080/me?api_key=" + TOKEN_VALUE), TOKEN))
        .isEqualTo("/me");
  }

  @Test
  void message_masksTheTokenAndKnownSecretShapes() {
    assertThat(RequestRedaction.message("key " + TOKEN_VALUE + " and xoxb-123-abc", TOKEN))
        .isEqualTo("key *** and xoxb-***");
  }

  @Test
  void scrub_copiesTheFailureWithoutTheTokenOrTheOriginalCause() {
    SocketException original = new SocketException("reset by https://x/api/v1/me?api_key=" + TOKEN_VALUE);
    original.initCause(new IOException(TOKEN_VALUE));

    IOException copy = RequestRedaction.scrub(original, TOKEN);

    assertThat(copy).hasMessage("SocketException: reset by https://x/api/v1/me?api_key=***").hasNoCause();
    assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
    assertThat(RequestRedaction.scrub(new SocketException(), TOKEN)).hasMessage("SocketException");
  }
}
