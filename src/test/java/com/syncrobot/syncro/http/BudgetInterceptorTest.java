package com.syncrobot.syncro.http;

import static com.syncrobot.syncro.http.ScriptedChain.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.Sleeper;
import com.syncrobot.syncro.SyncroUnavailableException;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class BudgetInterceptorTest {
  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void eachAttempt_takesItsOwnPermit() throws IOException {
    RequestBudget budget = new RequestBudget(10, Clock.systemUTC(), Sleeper.system());
    BudgetInterceptor interceptor = new BudgetInterceptor(budget, Metrics.NONE);
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(false)).then(answer(429)).then(answer(200));

    interceptor.intercept(chain);
    interceptor.intercept(chain);

    assertThat(budget.grantedTotal()).isEqualTo(2);
    assertThat(chain.proceeded()).isEqualTo(2);
  }

  @Test
  void interruptedWhileWaiting_isUnavailable_andNothingIsSent_evenForAWrite() throws Exception {
    RequestBudget budget = new RequestBudget(1, Clock.systemUTC(), d -> {
      throw new InterruptedException();
    });
    budget.acquire(RequestBudget.Priority.BACKGROUND);
    ScriptedChain chain = new ScriptedChain(ScriptedChain.call(true)).then(answer(200));

    SyncroUnavailableException e = catchThrowableOfType(SyncroUnavailableException.class,
        () -> new BudgetInterceptor(budget, Metrics.NONE).intercept(chain));

    assertThat(e).hasMessage("POST /tickets/5/comment failed: interrupted before sending");
    assertThat(e.status()).isZero();
    assertThat(chain.proceeded()).isZero();
    assertThat(budget.grantedTotal()).isEqualTo(1);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
