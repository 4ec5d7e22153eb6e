package com.syncrobot.syncro.http;

import com.syncrobot.metrics.Metrics;
import com.syncrobot.syncro.RequestBudget;
import com.syncrobot.syncro.SyncroUnavailableException;
import java.io.IOException;

/**
 * Takes one permit of the shared {@link RequestBudget} before each attempt, resends included, at the
 * call's priority. An interrupt while waiting ends the call as unavailable: nothing was sent on this
 * attempt, and an earlier attempt can only have been a 429, which Syncro did not process.
 */
public final class BudgetInterceptor implements SyncroInterceptor {
  private final RequestBudget budget;
  private final Metrics metrics;

  public BudgetInterceptor(RequestBudget budget, Metrics metrics) {
    this.budget = budget;
    this.metrics = metrics;
  }

  @Override
  public SyncroAnswer intercept(Chain chain) throws IOException {
    SyncroCall call = chain.call();
    long started = metrics.start();
    try {
      budget.acquire(call.priority());
      metrics.budgetWait(call.priority(), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncroUnavailableException(
          0, call.method(), call.redactedPath(), "interrupted before sending", null);
    }
    return chain.proceed();
  }
}
