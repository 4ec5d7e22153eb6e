/**
 * Typed client for Syncro's REST API v1: its records, the shared request budget, errors.
 *
 * <p>Start at {@link com.syncrobot.syncro.SyncroClient} (one per process) and {@link
 * com.syncrobot.syncro.SyncroApi} (one technician's reads and the one {@code write}); every write a
 * plan stores is named in {@link com.syncrobot.syncro.SyncroWrites}, paths read elsewhere in {@link
 * com.syncrobot.syncro.SyncroPaths}, web-app links in {@link com.syncrobot.syncro.SyncroWebLinks}.
 * Underneath, {@code SyncroHttp} builds each request and runs it through the interceptors of {@link
 * com.syncrobot.syncro.http}; {@code SyncroJson} maps Syncro's JSON to the records. {@link
 * com.syncrobot.syncro.AccountDataCache} is the one bound on how long any feature may cache account data.
 */
@NullMarked
package com.syncrobot.syncro;

import org.jspecify.annotations.NullMarked;
