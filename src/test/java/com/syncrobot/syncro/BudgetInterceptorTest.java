package com.syncrobot.syncro;

import static com.syncrobot.syncro.ScriptedChain.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class BudgetInterceptorTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T15:00:00Z"));

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void eachAttempt_takesItsOwnPermit() throws IOException {
    RequestBudget budget = new RequestBudget(10, clock, new RecordingSleeper(clock));
    BudgetInterceptor interceptor = new BudgetInterceptor(budget);
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false)).then(answer(429)).then(answer(200));

    interceptor.intercept(chain);
    interceptor.intercept(chain);

    assertThat(budget.grantedTotal()).isEqualTo(2);
  }

  @Test
  void anAttemptBeyondTheBudget_waitsForThePermitBeforeSending() throws IOException {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RequestBudget budget = new RequestBudget(1, clock, sleeper);
    BudgetInterceptor interceptor = new BudgetInterceptor(budget);
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true)).then(answer(200)).then(answer(200));

    interceptor.intercept(chain);
    interceptor.intercept(chain);

    assertThat(sleeper.sleeps()).isEqualTo(List.of(RequestBudget.WINDOW));
    assertThat(chain.proceeded()).isEqualTo(2);
  }

  @Test
  void interruptedWhileWaiting_isUnavailable_andNothingIsSent_evenForAWrite() throws Exception {
    RequestBudget budget = new RequestBudget(1, clock, d -> {
      throw new InterruptedException();
    });
    budget.acquire(RequestBudget.Priority.BACKGROUND);
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true)).then(answer(200));

    SyncroUnavailableException e = catchThrowableOfType(SyncroUnavailableException.class,
        () -> new BudgetInterceptor(budget).intercept(chain));

    assertThat(e).hasMessage("POST /tickets/5/comment failed: interrupted before sending");
    assertThat(e.status()).isZero();
    assertThat(chain.proceeded()).isZero();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
