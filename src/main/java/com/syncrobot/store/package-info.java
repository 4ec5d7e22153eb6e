/**
 * The bot's own SQLite storage through Jdbi: the database with its Flyway migrations (from {@code
 * db/}), the lock that lets one bot process serve a store, the token-encryption key, the connected
 * technicians whose Syncro tokens are stored only encrypted (R11), and the labour rate table (R6).
 * Start at {@link com.syncrobot.store.Database}; then {@link
 * com.syncrobot.store.ConnectedUserStore} with {@link com.syncrobot.store.TokenCipher} and {@link
 * com.syncrobot.store.SecretKeys}, and {@link com.syncrobot.store.RateStore}. Plans and digests keep
 * their own tables, in {@code com.syncrobot.write} and {@code com.syncrobot.digest}.
 */
@NullMarked
package com.syncrobot.store;

import org.jspecify.annotations.NullMarked;
