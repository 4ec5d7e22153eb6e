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

  /**
   * Returns one line for the audit command, e.g. {@code 2026-03-02T15:00:00Z  #32203  U0ABC (Dana Tech,
   * 1735)  close 3f2a…/1 “Set status Resolved” try 1  PUT /tickets/9001  DONE 200 id 9001}.
   */
  public String line() {
    StringBuilder b = new StringBuilder()
        .append(sentAt).append("  ")
        .append(ticketNumber == null ? "-" : ticketNumber.toString()).append("  ")
        .append(slackUserId).append(" (").append(syncroUserName).append(", ").append(syncroUserId).append(")  ")
        .append(kind).append(' ').append(planId).append('/').append(stepIndex + 1)
        .append(" “").append(label).append("” try ").append(attempt).append("  ")
        .append(method).append(' ').append(path).append("  ")
        .append(state);
    if (resultStatus != null) {
      b.append(' ').append(resultStatus);
    }
    if (resultId != null) {
      b.append(" id ").append(resultId);
    }
    if (error != null) {
      b.append("  error: ").append(error);
    }
    if (verification != null) {
      b.append("  ").append(verification);
    }
    return b.toString();
  }
}
