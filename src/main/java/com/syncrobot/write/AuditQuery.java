package com.syncrobot.write;

import com.syncrobot.syncro.TicketNumber;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters for the audit of executed steps; a null filter matches everything. */
public record AuditQuery(@Nullable TicketNumber ticket, @Nullable Instant since, @Nullable String slackUserId) {
  /** Returns a query matching every executed step. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null);
  }
}
