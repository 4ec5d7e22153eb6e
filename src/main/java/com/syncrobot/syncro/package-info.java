/**
 * Typed client for Syncro's REST API v1: its records, the shared request budget, errors.
 *
 * <p>Start at {@link com.syncrobot.syncro.SyncroClient} (one per process) and {@link
 * com.syncrobot.syncro.SyncroApi} (one technician's reads and the one {@code write}); every write a
 * plan stores is named in {@link com.syncrobot.syncro.SyncroWrites}, paths read elsewhere in {@link
 * com.syncrobot.syncro.SyncroPaths}, web-app links in {@link com.syncrobot.syncro.SyncroWebLinks}.
 * Underneath, {@code SyncroHttp} runs each request through small interceptors ({@code
 * RateLimitInterceptor}, {@code ReadRetryInterceptor}, {@code BudgetInterceptor}, {@code
 * CallSyncroInterceptor}), then {@code ErrorMapping} turns the answer into a body or one of the
 * {@link com.syncrobot.syncro.SyncroException}s; {@code PageWalker} reads long lists, {@code
 * RequestRedaction} keeps the token out of logs and messages, {@code SyncroJson} maps JSON to
 * records.
 */
@NullMarked
package com.syncrobot.syncro;

import org.jspecify.annotations.NullMarked;
