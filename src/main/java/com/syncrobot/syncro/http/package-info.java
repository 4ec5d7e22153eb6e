/**
 * The pieces of the Syncro client's HTTP core, in OkHttp's interceptor style; only {@code
 * com.syncrobot.syncro.SyncroHttp} uses them. Start at {@link
 * com.syncrobot.syncro.http.SyncroInterceptor}: a call goes through {@link
 * com.syncrobot.syncro.http.RateLimitInterceptor} (429, Retry-After), {@link
 * com.syncrobot.syncro.http.ReadRetryInterceptor} (one more try for a broken read, never a write),
 * {@link com.syncrobot.syncro.http.BudgetInterceptor} (a permit per attempt) and {@link
 * com.syncrobot.syncro.http.CallSyncroInterceptor} (the request itself; writes on a pooled
 * connection probed first, told "not sent" when they failed before their first byte); {@link com.syncrobot.syncro.http.ErrorMapping} turns the answer into a body or the
 * exception it means, keeping "never sent" apart from "maybe sent" (R2). {@link
 * com.syncrobot.syncro.http.RequestRedaction} names requests without secrets (R11); {@link
 * com.syncrobot.syncro.http.PageWalker} walks long lists.
 */
@NullMarked
package com.syncrobot.syncro.http;

import org.jspecify.annotations.NullMarked;
