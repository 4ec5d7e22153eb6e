/**
 * The safe-write path: every Syncro POST/PUT/DELETE is a step of a stored {@link
 * com.syncrobot.write.Plan}, previewed, confirmed once by its owner, executed exactly once and
 * audited (R1, R2, R3, R17; each rule with its reason is in {@code docs/rules.md}).
 */
@NullMarked
package com.syncrobot.write;

import org.jspecify.annotations.NullMarked;
