package com.syncrobot.write;

import com.syncrobot.syncro.TicketId;
import com.syncrobot.syncro.TicketNumber;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One send of one step: who asked in Slack, whose Syncro token, when, the exact request, what came
 * back and the id. A step sent again after being proven absent has one entry per attempt.
 */
public record AuditEntry(
    String planId,
    String kind,
    String title,
    PlanState planState,
    String slackUserId,
    long syncroUserId,
    String syncroUserName,
    @Nullable TicketId ticketId,
    @Nullable TicketNumber ticketNumber,
    int stepIndex,
    String label,
    int attempt,
    String method,
    String path,
    @Nullable String body,
    StepState state,
    Instant sentAt,
    @Nullable Instant finishedAt,
    @Nullable Long resultId,
    @Nullable Integer resultStatus,
    @Nullable String resultBody,
    @Nullable String error,
    @Nullable String verification) {

  public AuditEntry {
    Objects.requireNonNull(planId, "planId == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(sentAt, "sentAt == null");
  }
}
