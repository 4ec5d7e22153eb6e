package com.syncrobot.syncro.http;

import static com.syncrobot.syncro.http.ScriptedChain.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

final class ReadRetryInterceptorTest {
  @Test
  void brokenRead_isSentOnceMore() throws IOException {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false))
        .thenFail(new SocketException("Connection reset")).then(answer(200));

    assertThat(new ReadRetryInterceptor().intercept(chain).status()).isEqualTo(200);
    assertThat(chain.proceeded()).isEqualTo(2);
  }

  @Test
  void brokenWrite_isNeverSentAgain_R2() {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true))
        .thenFail(new SocketException("Connection reset")).then(answer(200));

    assertThatThrownBy(() -> new ReadRetryInterceptor().intercept(chain)).isInstanceOf(SocketException.class);
    assertThat(chain.proceeded()).isEqualTo(1);
  }

  @Test
  void timedOutRead_isNotRetried() {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false))
        .thenFail(new SocketTimeoutException("timeout")).then(answer(200));

    assertThatThrownBy(() -> new ReadRetryInterceptor().intercept(chain))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(chain.proceeded()).isEqualTo(1);
  }

  @Test
  void secondBreak_fails() {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false))
        .thenFail(new SocketException("one")).thenFail(new SocketException("two")).then(answer(200));

    assertThatThrownBy(() -> new ReadRetryInterceptor().intercept(chain)).hasMessage("two");
    assertThat(chain.proceeded()).isEqualTo(2);
  }

  @Test
  void oneRetryPerCall_evenAcrossRateLimitResends() throws IOException {
    // The rate-limit interceptor outside asks again after a 429; the retry already spent stays spent.
    ReadRetryInterceptor perCall = new ReadRetryInterceptor();
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false))
        .thenFail(new SocketException("one")).then(answer(429)).thenFail(new SocketException("two"));

    assertThat(perCall.intercept(chain).status()).isEqualTo(429);
    assertThatThrownBy(() -> perCall.intercept(chain)).hasMessage("two");
    assertThat(chain.proceeded()).isEqualTo(3);
  }
}
