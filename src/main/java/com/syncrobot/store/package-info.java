/**
 * SQLite persistence: the database and its Flyway migrations, the token-encryption key, and the
 * connected technicians whose Syncro tokens are stored encrypted (R11; the rules are in {@code
 * docs/rules.md}).
 */
@NullMarked
package com.syncrobot.store;

import org.jspecify.annotations.NullMarked;
