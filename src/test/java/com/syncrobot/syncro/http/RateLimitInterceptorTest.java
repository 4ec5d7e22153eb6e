package com.syncrobot.syncro.http;

import static com.syncrobot.syncro.http.ScriptedChain.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncrobot.syncro.SyncroRateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class RateLimitInterceptorTest {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final RateLimitInterceptor interceptor = new RateLimitInterceptor(sleeps::add);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void answerOtherThan429_passesThroughUntouched() throws IOException {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false)).then(answer(503));

    assertThat(interceptor.intercept(chain).status()).isEqualTo(503);
    assertThat(chain.proceeded()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void a429_waitsRetryAfterThenSendsAgain_evenAWrite() throws IOException {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true))
        .then(answer(429, "Retry-After", "7")).then(answer(200));

    assertThat(interceptor.intercept(chain).status()).isEqualTo(200);
    assertThat(chain.proceeded()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void fourth429_givesRateLimited_afterThreeResends() {
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false));
    for (int i = 0; i < 4; i++) {
      chain.then(answer(429, "Retry-After", "2"));
    }

    SyncroRateLimitedException e = catchThrowableOfType(SyncroRateLimitedException.class,
        () -> interceptor.intercept(chain));

    assertThat(e).hasMessage("GET /tickets/5 -> 429 rate limited");
    assertThat(chain.proceeded()).isEqualTo(1 + RateLimitInterceptor.MAX_RATE_LIMIT_RESENDS);
    assertThat(sleeps).hasSize(3).allMatch(Duration.ofSeconds(2)::equals);
  }

  @Test
  void interruptedWhileWaiting_givesRateLimited_andSendsNothingMore() {
    RateLimitInterceptor interrupted = new RateLimitInterceptor(d -> {
      throw new InterruptedException();
    });
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true)).then(answer(429)).then(answer(200));

    assertThatThrownBy(() -> interrupted.intercept(chain)).isInstanceOf(SyncroRateLimitedException.class);

    assertThat(chain.proceeded()).isEqualTo(1);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void retryAfter_wholeSecondsUpToTenMinutes_elseTheDocumentedMinute() {
    assertThat(RateLimitInterceptor.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(RateLimitInterceptor.retryAfter(" 600 ")).isEqualTo(Duration.ofMinutes(10));
    assertThat(RateLimitInterceptor.retryAfter("601")).isEqualTo(Duration.ofSeconds(60));
    assertThat(RateLimitInterceptor.retryAfter("9999999")).isEqualTo(Duration.ofSeconds(60));
    assertThat(RateLimitInterceptor.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(60));
    assertThat(RateLimitInterceptor.retryAfter("-5")).isEqualTo(Duration.ofSeconds(60));
    assertThat(RateLimitInterceptor.retryAfter(null)).isEqualTo(Duration.ofSeconds(60));
  }
}
